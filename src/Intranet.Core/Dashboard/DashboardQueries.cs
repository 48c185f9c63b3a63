using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Dashboard;

/// <summary>
/// Computes a <see cref="DashboardSnapshot"/> from the database. Every query is narrow: open requests by the status
/// index, the period by the day index, resolution times only of the period's resolved requests.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<IntranetDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultPeriodDays = 30;

    public async Task<DashboardSnapshot> ComputeAsync(DashboardScope scope, long version, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = IstanbulTime.Today(now);
        var weekStart = IstanbulTime.StartOfWeekUtc(now);
        var weekStartDay = IstanbulTime.Today(weekStart);
        var todayStart = IstanbulTime.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var to = scope.To ?? today;
        var from = scope.From ?? to.AddDays(-(DefaultPeriodDays - 1));
        var (fromUtc, toUtc) = (IstanbulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), IstanbulTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = db.Requests.AsNoTracking();
        if (scope.DirectorateId is { } dir) all = all.Where(r => r.DirectorateId == dir);
        if (scope.CategoryId is { } cat) all = all.Where(r => r.CategoryId == cat);
        var open = all.Where(r => Request.OpenStatuses.Contains(r.Status));

        var openCounts = await open
            .GroupBy(r => new { r.NeighbourhoodId, r.DirectorateId })
            .Select(g => new { g.Key.NeighbourhoodId, g.Key.DirectorateId, Open = g.Count(), Overdue = g.Count(r => r.DueAt < now) })
            .ToListAsync(ct);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var directorates = await db.Directorates.AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var resolved = await all.Where(r => r.ResolvedAt >= fromUtc && r.ResolvedAt < toUtc && r.ResolutionMinutes != null)
            .Select(r => new { r.DirectorateId, Minutes = r.ResolutionMinutes!.Value, InTime = r.ResolvedInTime == true })
            .ToListAsync(ct);

        var byNeighbourhood = openCounts.GroupBy(c => c.NeighbourhoodId)
            .Select(g => new CountRow(g.Key, neighbourhoods.GetValueOrDefault(g.Key, "?"), g.Sum(x => x.Open), g.Sum(x => x.Overdue)))
            .Concat(neighbourhoods.Where(n => openCounts.All(c => c.NeighbourhoodId != n.Key)).Select(n => new CountRow(n.Key, n.Value, 0, 0)))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, TurkishText.Comparer).ToList();

        var openByDirectorate = openCounts.Where(c => c.DirectorateId != null).GroupBy(c => c.DirectorateId!.Value)
            .ToDictionary(g => g.Key, g => (Open: g.Sum(x => x.Open), Overdue: g.Sum(x => x.Overdue)));
        var resolvedByDirectorate = resolved.Where(r => r.DirectorateId != null).GroupBy(r => r.DirectorateId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        var byDirectorate = directorates
            .Where(d => scope.DirectorateId is null || d.Key == scope.DirectorateId)
            .Select(d =>
            {
                var o = openByDirectorate.GetValueOrDefault(d.Key);
                var rs = resolvedByDirectorate.GetValueOrDefault(d.Key) ?? [];
                return new DirectorateRow(d.Key, d.Value, o.Open, o.Overdue,
                    rs.Count == 0 ? null : Median(rs.Select(x => x.Minutes)) / 60.0,
                    rs.Count == 0 ? null : rs.Count(x => x.InTime) / (double)rs.Count, rs.Count);
            })
            .Where(r => r.Open > 0 || r.Resolved > 0 || scope.DirectorateId is not null)
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, TurkishText.Comparer).ToList();

        var oldest = await open.OrderBy(r => r.CreatedAt).Take(10)
            .Select(r => new OldestRow(r.Id, r.Number, r.Category!.Name, r.Neighbourhood!.Name, r.CreatedAt, r.DueAt))
            .ToListAsync(ct);

        var newPerDay = await all.Where(r => r.CreatedOn >= from && r.CreatedOn <= to)
            .GroupBy(r => r.CreatedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var closedTimes = await all.Where(r => r.ClosedAt >= fromUtc && r.ClosedAt < toUtc).Select(r => r.ClosedAt!.Value).ToListAsync(ct);
        var closedPerDay = closedTimes.GroupBy(IstanbulTime.Today).ToDictionary(g => g.Key, g => g.Count());
        var trend = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
            .Select(d => new TrendPoint(d, newPerDay.FirstOrDefault(n => n.Day == d)?.Count ?? 0, closedPerDay.GetValueOrDefault(d))).ToList();

        var period = all.Where(r => r.CreatedOn >= from && r.CreatedOn <= to);
        var channels = await period.GroupBy(r => r.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var categories = await period.GroupBy(r => r.Category!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var headline = new HeadlineNumbers(
            openCounts.Sum(c => c.Open), openCounts.Sum(c => c.Overdue),
            await all.CountAsync(r => r.CreatedOn == today, ct),
            await all.CountAsync(r => r.CreatedOn >= weekStartDay, ct),
            await all.CountAsync(r => r.ClosedAt >= todayStart, ct),
            await all.CountAsync(r => r.ClosedAt >= weekStart, ct));

        return new DashboardSnapshot(scope, headline, byNeighbourhood, byDirectorate, oldest, trend,
            channels.OrderByDescending(c => c.Count).Select(c => new MixRow(c.Key.Name(), c.Count)).ToList(),
            categories.OrderByDescending(c => c.Count).Take(12).Select(c => new MixRow(c.Key, c.Count)).ToList(),
            from, to, now, version);
    }

    internal static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
