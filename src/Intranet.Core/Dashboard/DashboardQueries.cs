using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Dashboard;

/// <summary>
/// Computes a <see cref="DashboardSnapshot"/> from the database. Every query is narrow and reads only an index
/// (see RequestConfiguration): open requests by status, the period by day, closed and resolved requests by their
/// timestamps; a directorate's dashboard by the same shapes led by DirectorateId. On 1M requests a refresh must stay
/// far below 100 ms (bench/run-dashboard-bench.sh measures it).
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

        var openCounts = await open.TagWith("dashboard: open by neighbourhood and directorate")
            .GroupBy(r => new { r.NeighbourhoodId, r.DirectorateId })
            .Select(g => new { g.Key.NeighbourhoodId, g.Key.DirectorateId, Open = g.Count(), Overdue = g.Count(r => r.DueAt < now) })
            .ToListAsync(ct);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().TagWith("dashboard: neighbourhood names").ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var directorates = await db.Directorates.AsNoTracking().TagWith("dashboard: directorate names").Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var resolved = await all.TagWith("dashboard: resolved in period").Where(r => r.ResolvedAt >= fromUtc && r.ResolvedAt < toUtc && r.ResolutionMinutes != null)
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

        // The ten oldest of each open status come in order from the (Status, CreatedAt) and (DirectorateId, Status,
        // CreatedAt) indexes; merging them here avoids sorting every open request (tens of thousands) for ten rows.
        var oldestByStatus = new List<OldestRow>();
        foreach (var status in Request.OpenStatuses)
            oldestByStatus.AddRange(await all.TagWith("dashboard: oldest open").Where(r => r.Status == status).OrderBy(r => r.CreatedAt).Take(10)
                .Select(r => new OldestRow(r.Id, r.Number, r.Category!.Name, r.Neighbourhood!.Name, r.CreatedAt, r.DueAt))
                .ToListAsync(ct));
        var oldest = oldestByStatus.OrderBy(r => r.CreatedAt).Take(10).ToList();

        var newPerDay = await all.TagWith("dashboard: new per day").Where(r => r.CreatedOn >= from && r.CreatedOn <= to)
            .GroupBy(r => r.CreatedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        // One count per Istanbul day from the ClosedAt index, rather than reading every closed request of the period
        // (tens of thousands of timestamps on a large database) to group them here.
        var closedPerDay = new Dictionary<DateOnly, int>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var (dayStart, dayEnd) = (IstanbulTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)), IstanbulTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            var closed = await all.TagWith("dashboard: closed in period").CountAsync(r => r.ClosedAt >= dayStart && r.ClosedAt < dayEnd, ct);
            if (closed > 0) closedPerDay[day] = closed;
        }
        var trend = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
            .Select(d => new TrendPoint(d, newPerDay.FirstOrDefault(n => n.Day == d)?.Count ?? 0, closedPerDay.GetValueOrDefault(d))).ToList();

        var period = all.Where(r => r.CreatedOn >= from && r.CreatedOn <= to);
        var channels = await period.TagWith("dashboard: channel mix").GroupBy(r => r.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var categories = await period.TagWith("dashboard: category mix").GroupBy(r => r.Category!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var headline = new HeadlineNumbers(
            openCounts.Sum(c => c.Open), openCounts.Sum(c => c.Overdue),
            await all.TagWith("dashboard: new today").CountAsync(r => r.CreatedOn == today, ct),
            await all.TagWith("dashboard: new this week").CountAsync(r => r.CreatedOn >= weekStartDay, ct),
            await all.TagWith("dashboard: closed today").CountAsync(r => r.ClosedAt >= todayStart, ct),
            await all.TagWith("dashboard: closed this week").CountAsync(r => r.ClosedAt >= weekStart, ct));

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
