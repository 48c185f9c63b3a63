using System.Data;
using System.Runtime.InteropServices;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Cell = Intranet.Core.Requests.RequestStatistics.Cell;

namespace Intranet.Core.Requests;

/// <summary>
/// The statistics of a date range read from <see cref="RequestStatisticsCell"/> instead of every request: whole
/// months from the cells, the days of a month the range only partly covers from the requests (the same histogram
/// query as without cells). The cells hold the same (key, bucket) counts, minima and maxima the raw query groups, and
/// the open requests by deadline day, so the figures are the same; a test compares the two. Only the open requests
/// whose deadline falls today are read, to compare their deadline with the clock.
/// </summary>
internal static class RequestStatisticsFromCells
{
    /// <summary>
    /// The cells' scope that holds exactly the rows the user may see under this filter (0: everything, one
    /// directorate, or for who sees everything one channel), or null when the filter uses more than the date range and
    /// the directorate or the channel: then raw rows.
    /// </summary>
    public static int? ScopeFor(RequestFilter filter, UserContext user)
    {
        if (filter.From > filter.To) return null;
        if (filter.Channel is { } channel)
            return user.SeesAllDirectorates && filter with { From = null, To = null, Channel = null } == new RequestFilter()
                ? RequestStatisticsCells.ChannelScope(channel) : null;
        if (filter with { From = null, To = null, DirectorateId = null } != new RequestFilter()) return null;
        if (user.SeesAllDirectorates) return filter.DirectorateId ?? 0;
        return RequestScope.OwnDirectorate(user) is { } own && (filter.DirectorateId ?? own) == own ? own : null;
    }

    public static async Task<List<Cell>> CellsAsync(IntranetDbContext db, UserContext user, RequestFilter filter, StatisticsDimension dimension,
        int scope, DateTime now, CancellationToken ct)
    {
        var requests = RequestsBetween(db, user, filter, now);
        var (first, last, edges) = await SplitAsync(requests, filter, ct);

        var result = new List<Cell>();
        if (first is null || last is null || first <= last)
        {
            var cells = db.Set<RequestStatisticsCell>().AsNoTracking().Where(c => c.Scope == scope && c.Dimension == dimension && c.Total > 0);
            if (first is { } f) cells = cells.Where(c => c.Month >= f);
            if (last is { } l) cells = cells.Where(c => c.Month <= l);
            var rows = await cells.Select(c => new { c.Key, c.Total, c.Forwarded, c.Histogram, c.OpenDue }).ToListAsync(ct);

            var today = RequestStatisticsCells.DueDay(now);
            var totals = new Dictionary<int, (int Total, int Open, int Overdue, int Forwarded, int Resolved)>();
            // Per key, its buckets: a year of a municipality's cells is ~230 histograms of ~700 buckets each, merged
            // here (a dictionary per key and no delegate per bucket: this merge was most of the statistics' time).
            var buckets = new Dictionary<int, Dictionary<int, HistogramBucket>>();
            foreach (var row in rows)
            {
                var (total, open, overdue, forwarded, resolved) = totals.GetValueOrDefault(row.Key);
                foreach (var (day, count) in DueDayCodec.Decode(row.OpenDue))
                    (open, overdue) = (open + count, overdue + (day < today ? count : 0));
                if (!buckets.TryGetValue(row.Key, out var ofKey)) buckets[row.Key] = ofKey = [];
                var histogram = row.Histogram;
                for (int i = 0, count = HistogramCodec.CountOf(histogram); i < count; i++)
                {
                    var b = HistogramCodec.At(histogram, i);
                    ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(ofKey, b.Bucket, out var had);
                    slot = had ? new HistogramBucket(b.Bucket, slot.Count + b.Count, slot.InTime + b.InTime, Math.Min(slot.Min, b.Min), Math.Max(slot.Max, b.Max)) : b;
                    resolved += b.Count;
                }
                totals[row.Key] = (total + row.Total, open, overdue, forwarded + row.Forwarded, resolved);
            }

            // Deadlines falling today are overdue only once passed: those few are compared with the clock.
            var openStatuses = Request.OpenStatuses;
            var dayStart = now.Date;
            // Read as rows and grouped and limited to the cells' months here: with a GROUP BY or a CreatedOn range in
            // the SQL, SQLite walks a per-key or per-day index over the whole year (3 s on a million requests) instead
            // of the few open requests due today that the (Status, DueAt) index holds.
            var lastDay = last?.AddMonths(1).AddDays(-1);
            var dueToday = (await RequestStatistics.Rows(requests(null, null), dimension)
                    .Where(x => openStatuses.Contains(x.Status) && x.DueAt >= dayStart && x.DueAt < now)
                    .Select(x => new { x.Key, x.CreatedOn })
                    .ToListAsync(ct))
                .Where(x => (first is null || x.CreatedOn >= first) && (lastDay is null || x.CreatedOn <= lastDay))
                .GroupBy(x => x.Key ?? 0)
                .ToDictionary(g => g.Key, g => g.Count());

            foreach (var (key, ofKey) in buckets)
            foreach (var (bucket, b) in ofKey)
                result.Add(new Cell(KeyOf(dimension, key), bucket, b.Count, 0, 0, b.InTime, b.Min, b.Max, 0));
            foreach (var (key, (total, open, overdue, forwarded, resolved)) in totals)
            {
                // The unresolved requests of the key, with the open and overdue counts (which need no bucket).
                result.Add(new Cell(KeyOf(dimension, key), RequestStatistics.Unresolved, total - resolved, open,
                    overdue + dueToday.GetValueOrDefault(key), 0, null, null, forwarded));
            }
        }
        foreach (var edge in edges.Distinct())
            result.AddRange(await RequestStatistics.Histogram(requests(edge.From, edge.To), dimension, now).ToListAsync(ct));
        // A bucket found both in the cells and in a part-month is one bucket: its minimum and maximum span both, as
        // one GROUP BY over all the rows would have them (the percentile interpolates between them).
        return result.GroupBy(c => (c.Key, c.Bucket))
            .Select(g => g.Count() == 1 ? g.First() : new Cell(g.Key.Key, g.Key.Bucket, g.Sum(c => c.Count), g.Sum(c => c.Open),
                g.Sum(c => c.Overdue), g.Sum(c => c.InTime), g.Min(c => c.Min), g.Max(c => c.Max), g.Sum(c => c.Forwarded)))
            .ToList();
    }

    /// <summary>
    /// How many requests the user sees under the filter (one <see cref="ScopeFor"/> accepts): the whole months summed
    /// from the cells, part-months counted on the requests. The request list's count without a search, which would
    /// otherwise read every row in range (a million for "all requests").
    /// </summary>
    public static async Task<int> CountAsync(IntranetDbContext db, UserContext user, RequestFilter filter, int scope, DateTime now, CancellationToken ct)
    {
        var requests = RequestsBetween(db, user, filter, now);
        var (first, last, edges) = await SplitAsync(requests, filter, ct);
        var count = 0;
        if (first is null || last is null || first <= last)
        {
            // Every request is in exactly one channel's cell of its month, so one dimension's cells sum to all of them.
            var cells = db.Set<RequestStatisticsCell>().Where(c => c.Scope == scope && c.Dimension == StatisticsDimension.Channel);
            if (first is { } f) cells = cells.Where(c => c.Month >= f);
            if (last is { } l) cells = cells.Where(c => c.Month <= l);
            count += await cells.SumAsync(c => c.Total, ct);
        }
        foreach (var edge in edges.Distinct())
            count += await requests(edge.From, edge.To).CountAsync(ct);
        return count;
    }

    /// <summary>The requests the user sees under the filter, between two days instead of its own range.</summary>
    private static Func<DateOnly?, DateOnly?, IQueryable<Request>> RequestsBetween(IntranetDbContext db, UserContext user, RequestFilter filter, DateTime now) =>
        (from, to) => RequestQueries.Apply(db, db.Requests.AsNoTracking().VisibleTo(user), filter with { From = from, To = to }, now);

    /// <summary>
    /// Whole months [first, last] come from the cells; a month the range covers only in part comes from the requests
    /// (an edge), unless its uncovered days hold no request (the current month up to today, typically).
    /// </summary>
    private static async Task<(DateOnly? First, DateOnly? Last, List<(DateOnly From, DateOnly To)> Edges)> SplitAsync(
        Func<DateOnly?, DateOnly?, IQueryable<Request>> requests, RequestFilter filter, CancellationToken ct)
    {
        DateOnly? first = null, last = null;
        var edges = new List<(DateOnly From, DateOnly To)>();
        if (filter.From is { } from)
        {
            var month = MonthOf(from);
            if (from == month || !await requests(month, from.AddDays(-1)).AnyAsync(ct)) first = month;
            else
            {
                first = month.AddMonths(1);
                edges.Add((from, Min(first.Value.AddDays(-1), filter.To)));
            }
        }
        if (filter.To is { } to)
        {
            var month = MonthOf(to);
            var end = month.AddMonths(1).AddDays(-1);
            if (to == end || !await requests(to.AddDays(1), end).AnyAsync(ct)) last = month;
            else
            {
                last = month.AddMonths(-1);
                edges.Add((Max(month, filter.From), to));
            }
        }

        return (first, last, edges);
    }

    private static int? KeyOf(StatisticsDimension dimension, int key) => dimension == StatisticsDimension.Directorate && key == 0 ? null : key;

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
    private static DateOnly Min(DateOnly a, DateOnly? b) => b is { } v && v < a ? v : a;
    private static DateOnly Max(DateOnly a, DateOnly? b) => b is { } v && v > a ? v : a;
}

/// <summary>
/// A read-only transaction around the statistics' few queries, so they see one state of the database: PostgreSQL
/// repeatable read (with the planner settings the histogram needs), SQLite a deferred transaction (a WAL snapshot that
/// does not hold writers back). Elsewhere, and inside a caller's transaction, nothing.
/// </summary>
internal sealed class ReadSnapshot(IDbContextTransaction? transaction, SqliteTransaction? sqlite) : IAsyncDisposable
{
    public static async Task<ReadSnapshot> BeginAsync(IntranetDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return new ReadSnapshot(null, null);
        if (db.Database.IsNpgsql())
        {
            var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL work_mem = '32MB'; SET LOCAL jit = off", ct);
            return new ReadSnapshot(tx, null);
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            return new ReadSnapshot(await db.Database.UseTransactionAsync(sqlite, ct), sqlite);
        }
        return new ReadSnapshot(null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        if (sqlite is not null) await sqlite.DisposeAsync();
    }
}
