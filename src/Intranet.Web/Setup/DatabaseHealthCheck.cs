using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intranet.Web.Setup;

/// <summary>Readiness (/healthz, /healthz/ready) holds only when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<IntranetDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Directorates.AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Veritabanına ulaşılamıyor.", ex);
        }
    }
}
