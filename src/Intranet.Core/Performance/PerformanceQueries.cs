using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

/// <summary>One indicator's year: the target and the actual of each quarter (null when not reported).</summary>
public sealed record IndicatorYearRow(int Id, string Code, string Name, string Directorate, string Unit, IndicatorDirection Direction,
    double? Target, IReadOnlyList<double?> Quarters, IReadOnlyList<bool> Approved);

/// <summary>Reads the performance programme; Directors and Staff see their own directorate's indicators.</summary>
public sealed class PerformanceQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<IndicatorYearRow>> YearAsync(int year, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Policies.Allows(Policies.Performance, user)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.PerformanceIndicators.AsNoTracking();
        if (!user.SeesAllDirectorates) query = query.Where(i => i.DirectorateId == user.DirectorateId);
        var rows = await query
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.Unit, i.Direction,
                Directorate = db.Directorates.Where(d => d.Id == i.DirectorateId).Select(d => d.Name).FirstOrDefault() ?? "",
                Target = i.Targets.Where(t => t.Year == year).Select(t => (double?)t.Target).FirstOrDefault(),
                Actuals = i.Actuals.Where(a => a.Year == year).Select(a => new { a.Period, a.Value, a.Status }).ToList(),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new IndicatorYearRow(r.Id, r.Code, r.Name, r.Directorate, r.Unit, r.Direction, r.Target,
                Enumerable.Range(1, 4).Select(q => r.Actuals.FirstOrDefault(a => a.Period == q)?.Value).ToList(),
                Enumerable.Range(1, 4).Select(q => r.Actuals.FirstOrDefault(a => a.Period == q)?.Status == ActualStatus.Onaylandi).ToList()))
            .ToList();
    }
}
