using System.Data;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Intranet.Core.Dashboard;

/// <summary>
/// Loads a scope's <see cref="DashboardFigures"/> from the database. Every query is narrow and reads only an index
/// (see RequestConfiguration): open requests by status, the period by day, closed and resolved requests by their
/// timestamps; a directorate's dashboard by the same shapes led by DirectorateId. This is the slow path (a few hundred
/// ms on 1M requests): it runs when a scope is first shown, in the background on a slow cadence to move the frame on
/// and correct drift, and after a change that came without detail. Changes in between are applied to the figures.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<IntranetDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultPeriodDays = DashboardFrame.DefaultPeriodDays;

    /// <summary>One load, turned into a snapshot (the benchmark's measure of a full refresh).</summary>
    public async Task<DashboardSnapshot> ComputeAsync(DashboardScope scope, long version, CancellationToken ct = default) =>
        (await LoadAsync(scope, ct)).ToSnapshot(null, () => version, clock.GetUtcNow().UtcDateTime);

    public async Task<DashboardFigures> LoadAsync(DashboardScope scope, CancellationToken ct = default)
    {
        var frame = DashboardFrame.For(scope, clock.GetUtcNow().UtcDateTime);
        var (now, from, to) = (frame.AsOf, frame.From, frame.To);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One consistent read where it is cheap: changes published after this point are replayed on top by the aggregator.
        await using var snapshotRead = await BeginSnapshotReadAsync(db, ct);
        var all = db.Requests.AsNoTracking();
        if (scope.DirectorateId is { } dir) all = all.Where(r => r.DirectorateId == dir);
        if (scope.CategoryId is { } cat) all = all.Where(r => r.CategoryId == cat);

        var figures = new DashboardFigures(scope, frame,
            await db.Neighbourhoods.AsNoTracking().TagWith("dashboard: neighbourhood names").ToDictionaryAsync(n => n.Id, n => n.Name, ct),
            await db.Directorates.AsNoTracking().TagWith("dashboard: directorate names").Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.Categories.AsNoTracking().TagWith("dashboard: category names").ToDictionaryAsync(c => c.Id, c => c.Name, ct));

        var openCounts = await all.Where(r => Request.OpenStatuses.Contains(r.Status)).TagWith("dashboard: open by neighbourhood and directorate")
            .GroupBy(r => new { r.NeighbourhoodId, r.DirectorateId })
            .Select(g => new { g.Key.NeighbourhoodId, g.Key.DirectorateId, Open = g.Count(), Overdue = g.Count(r => r.DueAt < now) })
            .ToListAsync(ct);
        foreach (var c in openCounts) figures.LoadOpen(c.NeighbourhoodId, c.DirectorateId, c.Open, c.Overdue);

        var resolved = await all.TagWith("dashboard: resolved in period")
            .Where(r => r.ResolvedAt >= frame.FromUtc && r.ResolvedAt < frame.ToUtc && r.ResolutionMinutes != null && r.DirectorateId != null)
            .Select(r => new { Directorate = r.DirectorateId!.Value, Minutes = r.ResolutionMinutes!.Value, InTime = r.ResolvedInTime == true })
            .ToListAsync(ct);
        foreach (var r in resolved) figures.LoadResolved(r.Directorate, r.Minutes, r.InTime);

        // The oldest of each open status come in order from the (Status, CreatedAt) and (DirectorateId, Status,
        // CreatedAt) indexes; merging them here avoids sorting every open request (tens of thousands) for a few rows.
        var oldest = new List<OldestItem>();
        foreach (var status in Request.OpenStatuses)
            oldest.AddRange(await all.TagWith("dashboard: oldest open").Where(r => r.Status == status)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(DashboardFigures.OldestPerStatus)
                .Select(r => new OldestItem(r.Id, r.Number, r.CategoryId, r.NeighbourhoodId, r.CreatedAt, r.DueAt))
                .ToListAsync(ct));
        oldest.Sort(OldestItem.Compare);
        figures.LoadOldest(oldest);

        foreach (var day in await all.TagWith("dashboard: new per day").Where(r => r.CreatedOn >= from && r.CreatedOn <= to)
                     .GroupBy(r => r.CreatedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct))
            figures.LoadNew(day.Day, day.Count);
        // One count per Istanbul day from the ClosedAt index, rather than reading every closed request of the period
        // (tens of thousands of timestamps on a large database) to group them here.
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var (dayStart, dayEnd) = (DashboardFrame.StartOf(day), DashboardFrame.StartOf(day.AddDays(1)));
            var closed = await all.TagWith("dashboard: closed in period").CountAsync(r => r.ClosedAt >= dayStart && r.ClosedAt < dayEnd, ct);
            if (closed > 0) figures.LoadClosed(day, closed);
        }

        // Channel and category mix in one pass over the (CreatedOn, CategoryId, Channel) index; names come from memory.
        var mix = await all.TagWith("dashboard: channel and category mix").Where(r => r.CreatedOn >= from && r.CreatedOn <= to)
            .GroupBy(r => new { r.CategoryId, r.Channel }).Select(g => new { g.Key.CategoryId, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        foreach (var g in mix.GroupBy(m => m.Channel)) figures.LoadChannel(g.Key, g.Sum(m => m.Count));
        foreach (var g in mix.GroupBy(m => m.CategoryId)) figures.LoadCategory(g.Key, g.Sum(m => m.Count));

        figures.LoadHeadline(
            await all.TagWith("dashboard: new today").CountAsync(r => r.CreatedOn == frame.Today, ct),
            await all.TagWith("dashboard: new this week").CountAsync(r => r.CreatedOn >= frame.WeekStartDay, ct),
            await all.TagWith("dashboard: closed today").CountAsync(r => r.ClosedAt >= frame.TodayStartUtc, ct),
            await all.TagWith("dashboard: closed this week").CountAsync(r => r.ClosedAt >= frame.WeekStartUtc, ct));
        figures.SealLoaded();
        return figures;
    }

    /// <summary>
    /// A read-only transaction that sees one moment of the database, where that costs no locks: SQLite in WAL mode
    /// (a deferred transaction) and PostgreSQL (repeatable read). Elsewhere (SQL Server without snapshot isolation) the
    /// queries read committed data as they go, and a change racing a reload can be off until the next reload.
    /// </summary>
    private static async Task<IAsyncDisposable?> BeginSnapshotReadAsync(IntranetDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (connection.DataSource is "" or ":memory:") return null; // a shared in-memory test connection: no nesting
            var tx = connection.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(tx, ct);
            return tx;
        }
        if (db.Database.IsNpgsql()) return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        return null;
    }

    /// <summary>The median of a few values (the monthly bulletin's days to answer); the dashboards keep theirs in FigureParts.</summary>
    internal static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
