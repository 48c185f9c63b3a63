using Intranet.Core.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intranet.Web.Setup;

/// <summary>
/// Liveness (<c>/healthz/live</c>: the process answers; a failure means restart it) and readiness
/// (<c>/healthz/ready</c>: the database answers, and Redis when configured; a failure means send no users here).
/// <c>/healthz</c> stays the readiness check: the wall screen and the reconnect script wait for it after a drop.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddIntranetHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        // Degraded, not unhealthy: without Redis a server still serves its own users correctly (only live updates
        // from the other servers stop), and failing readiness on every server at once would turn that into an outage.
        if (configuration["Realtime:Redis"] is { Length: > 0 })
            checks.AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static WebApplication MapIntranetHealthChecks(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/healthz", ready).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        return app;
    }
}

/// <summary>Redis answers a PING through the change feed's own connection.</summary>
internal sealed class RedisHealthCheck(IChangeFeed feed) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (feed is not RedisChangeFeed redis) return HealthCheckResult.Healthy("Redis kullanılmıyor.");
        if (!redis.Connection.IsConnected)
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis'e bağlı değil; değişiklikler yalnızca bu sunucunun ekranlarına ulaşıyor.");
        try
        {
            var latency = await redis.Connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
            return HealthCheckResult.Healthy($"Redis {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis yanıt vermiyor.", ex);
        }
    }
}
