using System.Data.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Intranet.Core.Requests;

/// <summary>
/// Keeps <see cref="RequestStatisticsCell"/> in step with the requests. <see cref="IntranetDbContext"/> calls
/// <see cref="Capture"/> before each save and <see cref="Pending.ApplyAsync"/> after it, inside the same transaction, so
/// every saved change of a request (intake, a workflow step, a re-route, a correction, any future transition) moves
/// its counts, whichever service made it. Writes that bypass the change tracker (ExecuteUpdate, raw SQL, bulk
/// seeding) must call <see cref="RebuildAsync"/>.
/// <para>
/// Concurrency: each cell is upserted first (one statement, cells in key order, so two saves lock them in the same
/// order and cannot deadlock); the upsert locks the row and returns its current histogram, which is then rewritten.
/// A removed resolution time that was its bucket's smallest or largest makes that bucket be recounted from the
/// requests, after the lock, so a concurrent save's change is either already committed or applied after ours.
/// </para>
/// </summary>
public static class RequestStatisticsCells
{
    /// <summary>What one request adds to the cells; <see cref="DueDay"/> only while it is open.</summary>
    private readonly record struct Fact(DateOnly Month, int? Directorate, int Neighbourhood, int Category, RequestChannel Channel, int? Minutes, bool InTime, int? DueDay, bool Forwarded);

    internal sealed record CellKey(int Scope, StatisticsDimension Dimension, DateOnly Month, int Key) : IComparable<CellKey>
    {
        public int CompareTo(CellKey? other) =>
            other is null ? 1 : (Scope, (int)Dimension, Month, Key).CompareTo((other.Scope, (int)other.Dimension, other.Month, other.Key));
    }

    internal sealed class CellDelta
    {
        public int Total;
        public int Forwarded;
        public readonly List<(int Minutes, bool InTime, int Sign)> Resolved = [];
        public readonly Dictionary<int, int> OpenDue = [];
    }

    /// <summary>The cell changes of the context's pending request changes; null when none. Call after DetectChanges.</summary>
    public static Pending? Capture(DbContext db)
    {
        var deltas = new Dictionary<CellKey, CellDelta>();
        foreach (var entry in db.ChangeTracker.Entries<Request>())
        {
            Fact? before = entry.State is EntityState.Modified or EntityState.Deleted ? FactOf(entry, current: false) : null;
            Fact? after = entry.State is EntityState.Modified or EntityState.Added ? FactOf(entry, current: true) : null;
            if (before == after) continue;
            if (before is { } b) Add(deltas, b, -1);
            if (after is { } a) Add(deltas, a, +1);
        }
        // A change that leaves a cell's share as it was (a re-route seen from the neighbourhood) is no change there.
        foreach (var (key, delta) in deltas.ToList())
        {
            var net = delta.Resolved.GroupBy(r => (r.Minutes, r.InTime)).SelectMany(g => Enumerable.Repeat((g.Key.Minutes, g.Key.InTime, Math.Sign(g.Sum(r => r.Sign))), Math.Abs(g.Sum(r => r.Sign)))).ToList();
            delta.Resolved.Clear();
            delta.Resolved.AddRange(net);
            foreach (var day in delta.OpenDue.Where(d => d.Value == 0).Select(d => d.Key).ToList()) delta.OpenDue.Remove(day);
            if (delta.Total == 0 && delta.Forwarded == 0 && net.Count == 0 && delta.OpenDue.Count == 0) deltas.Remove(key);
        }
        return deltas.Count == 0 ? null : Pending.Of(deltas);
    }

    private static Fact FactOf(EntityEntry<Request> e, bool current)
    {
        T V<T>(string name) => (T)(current ? e.Property(name).CurrentValue : e.Property(name).OriginalValue)!;
        var created = V<DateOnly>(nameof(Request.CreatedOn));
        var minutes = V<int?>(nameof(Request.ResolutionMinutes));
        var status = V<RequestStatus>(nameof(Request.Status));
        var open = Request.OpenStatuses.Contains(status);
        return new Fact(new DateOnly(created.Year, created.Month, 1), V<int?>(nameof(Request.DirectorateId)), V<int>(nameof(Request.NeighbourhoodId)),
            V<int>(nameof(Request.CategoryId)), V<RequestChannel>(nameof(Request.Channel)), minutes,
            minutes is not null && V<bool?>(nameof(Request.ResolvedInTime)) == true,
            open ? DueDay(V<DateTime>(nameof(Request.DueAt))) : null, status == RequestStatistics.Forwarded);
    }

    /// <summary>
    /// The scopes a request counts in: the whole municipality, the whole municipality's requests of its channel (the
    /// statistics filtered by channel for those who see everything: a ninth of a million rows otherwise read on every
    /// view) and its directorate.
    /// </summary>
    internal static int[] ScopesOf(int? directorate, RequestChannel channel) =>
        directorate is { } d ? [0, ChannelScope(channel), d] : [0, ChannelScope(channel)];

    /// <summary>The scope of the whole municipality's requests of one channel: negative, apart from directorate ids.</summary>
    internal static int ChannelScope(RequestChannel channel) => -1 - (int)channel;

    /// <summary>The channel of a scope made by <see cref="ChannelScope"/>.</summary>
    private static RequestChannel ChannelOf(int scope) => (RequestChannel)(-1 - scope);

    private static void Add(Dictionary<CellKey, CellDelta> deltas, Fact f, int sign)
    {
        foreach (var scope in ScopesOf(f.Directorate, f.Channel))
        foreach (var dimension in Enum.GetValues<StatisticsDimension>())
        {
            var key = new CellKey(scope, dimension, f.Month, KeyOf(dimension, f.Directorate, f.Neighbourhood, f.Category, f.Channel));
            if (!deltas.TryGetValue(key, out var delta)) deltas[key] = delta = new CellDelta();
            delta.Total += sign;
            if (f.Forwarded) delta.Forwarded += sign;
            if (f.Minutes is { } m) delta.Resolved.Add((m, f.InTime, sign));
            if (f.DueDay is { } day) delta.OpenDue[day] = delta.OpenDue.GetValueOrDefault(day) + sign;
        }
    }

    /// <summary>The UTC calendar day of a deadline, as a day number.</summary>
    internal static int DueDay(DateTime dueAtUtc) => DateOnly.FromDateTime(dueAtUtc).DayNumber;

    internal static int KeyOf(StatisticsDimension dimension, int? directorate, int neighbourhood, int category, RequestChannel channel) => dimension switch
    {
        StatisticsDimension.Neighbourhood => neighbourhood,
        StatisticsDimension.Category => category,
        StatisticsDimension.Directorate => directorate ?? 0,
        _ => (int)channel,
    };

    /// <summary>Cell changes waiting for their requests to be saved.</summary>
    public sealed class Pending
    {
        private readonly SortedDictionary<CellKey, CellDelta> _deltas;

        private Pending(SortedDictionary<CellKey, CellDelta> deltas) => _deltas = deltas;

        internal static Pending Of(Dictionary<CellKey, CellDelta> deltas) => new(new SortedDictionary<CellKey, CellDelta>(deltas));

        /// <summary>Applies the changes; the requests must be saved already, in the current transaction.</summary>
        public async Task ApplyAsync(IntranetDbContext db, CancellationToken ct)
        {
            var sql = CellSql.For(db);
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Statistics cells are written inside the transaction of the request change.");
            var current = await UpsertAsync(sql, connection, transaction, ct);
            foreach (var (key, delta) in _deltas)
            {
                if (delta.Resolved.Count == 0 && delta.OpenDue.Count == 0) continue;
                var (histogram, openDue) = current[key];
                if (delta.Resolved.Count > 0) histogram = await MoveResolvedAsync(db, key, delta, histogram, ct);
                if (delta.OpenDue.Count > 0)
                {
                    var days = DueDayCodec.Decode(openDue);
                    foreach (var (day, change) in delta.OpenDue) days[day] = days.GetValueOrDefault(day) + change;
                    openDue = DueDayCodec.Encode(days);
                }
                await using var update = sql.UpdateBlobs(connection, transaction, key.Scope, key.Dimension, key.Month, key.Key, histogram, openDue);
                await update.ExecuteNonQueryAsync(ct);
            }
        }

        private static async Task<byte[]> MoveResolvedAsync(IntranetDbContext db, CellKey key, CellDelta delta, byte[] histogram, CancellationToken ct)
        {
            var buckets = HistogramCodec.Decode(histogram).ToDictionary(b => b.Bucket);
            var recount = new HashSet<int>();
            foreach (var (minutes, inTime, sign) in delta.Resolved)
            {
                var bucket = RequestStatistics.Bucket(minutes);
                var had = buckets.TryGetValue(bucket, out var b);
                if (sign > 0)
                    buckets[bucket] = had ? b with { Count = b.Count + 1, InTime = b.InTime + (inTime ? 1 : 0), Min = Math.Min(b.Min, minutes), Max = Math.Max(b.Max, minutes) }
                        : new HistogramBucket(bucket, 1, inTime ? 1 : 0, minutes, minutes);
                else if (!had || b.Count <= 1 || minutes <= b.Min || minutes >= b.Max) recount.Add(bucket);
                else buckets[bucket] = b with { Count = b.Count - 1, InTime = b.InTime - (inTime ? 1 : 0) };
            }
            foreach (var bucket in recount)
            {
                var counted = await RecountAsync(db, key, bucket, ct);
                if (counted is null) buckets.Remove(bucket);
                else buckets[bucket] = counted.Value;
            }
            return HistogramCodec.Encode(buckets.Values);
        }

        private async Task<Dictionary<CellKey, (byte[] Histogram, byte[] OpenDue)>> UpsertAsync(CellSql sql, DbConnection connection, DbTransaction transaction, CancellationToken ct)
        {
            var result = new Dictionary<CellKey, (byte[], byte[])>();
            foreach (var chunk in _deltas.Chunk(200))
            {
                await using var command = sql.Upsert(connection, transaction, chunk.Select(d => (d.Key.Scope, d.Key.Dimension, d.Key.Month, d.Key.Key, d.Value.Total, d.Value.Forwarded)).ToList());
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    result[new CellKey(reader.GetInt32(0), (StatisticsDimension)reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3))] =
                        (reader.IsDBNull(4) ? [] : reader.GetFieldValue<byte[]>(4), reader.IsDBNull(5) ? [] : reader.GetFieldValue<byte[]>(5));
            }
            return result;
        }
    }

    /// <summary>One bucket of one cell counted from the requests themselves (null when empty).</summary>
    private static async Task<HistogramBucket?> RecountAsync(IntranetDbContext db, CellKey cell, int bucket, CancellationToken ct)
    {
        var (low, high) = RequestStatistics.BucketRange(bucket);
        var next = cell.Month.AddMonths(1);
        var rows = db.Requests.AsNoTracking().Where(r => r.CreatedOn >= cell.Month && r.CreatedOn < next
            && r.ResolutionMinutes >= low && r.ResolutionMinutes < high);
        if (cell.Scope > 0) rows = rows.Where(r => r.DirectorateId == cell.Scope);
        else if (cell.Scope < 0)
        {
            var channel = ChannelOf(cell.Scope);
            rows = rows.Where(r => r.Channel == channel);
        }
        var key = cell.Key;
        rows = cell.Dimension switch
        {
            StatisticsDimension.Neighbourhood => rows.Where(r => r.NeighbourhoodId == key),
            StatisticsDimension.Category => rows.Where(r => r.CategoryId == key),
            StatisticsDimension.Directorate when key == 0 => rows.Where(r => r.DirectorateId == null),
            StatisticsDimension.Directorate => rows.Where(r => r.DirectorateId == key),
            _ => rows.Where(r => r.Channel == (RequestChannel)key),
        };
        var found = await rows.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), InTime = g.Count(r => r.ResolvedInTime == true), Min = g.Min(r => r.ResolutionMinutes), Max = g.Max(r => r.ResolutionMinutes) })
            .SingleOrDefaultAsync(ct); // one group (or none): Single says so, where First made EF warn of a missing OrderBy
        return found is { Count: > 0 } ? new HistogramBucket(bucket, found.Count, found.InTime, found.Min!.Value, found.Max!.Value) : null;
    }

    /// <summary>
    /// Recomputes every cell from the requests: after a bulk seed or any write that bypassed the change tracker, and
    /// on start when the table is empty but requests exist (a new deployment). One grouped read per dimension.
    /// </summary>
    public static async Task RebuildAsync(IntranetDbContext db, CancellationToken ct = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Set<RequestStatisticsCell>().ExecuteDeleteAsync(ct);
        foreach (var dimension in Enum.GetValues<StatisticsDimension>())
        {
            var groups = await RequestStatistics.Rows(db.Requests.AsNoTracking(), dimension)
                .GroupBy(x => new { x.CreatedOn.Year, x.CreatedOn.Month, x.DirectorateId, x.Channel, x.Key, x.Bucket })
                .Select(g => new
                {
                    g.Key.Year, g.Key.Month, g.Key.DirectorateId, g.Key.Channel, g.Key.Key, g.Key.Bucket, Count = g.Count(),
                    InTime = g.Count(x => x.InTime == true), Min = g.Min(x => x.Minutes), Max = g.Max(x => x.Minutes),
                    Forwarded = g.Count(x => x.Status == RequestStatistics.Forwarded),
                })
                .ToListAsync(ct);
            // The open ones (about one in twenty) are read as rows: their deadlines are grouped by UTC day here, the
            // same day DueDay() gives, whatever the database's time zone.
            var open = Request.OpenStatuses;
            var openRows = await RequestStatistics.Rows(db.Requests.AsNoTracking(), dimension).Where(x => open.Contains(x.Status))
                .Select(x => new { x.CreatedOn, x.DirectorateId, x.Channel, x.Key, x.DueAt })
                .ToListAsync(ct);

            var cells = new Dictionary<CellKey, (int Total, int Forwarded, List<HistogramBucket> Buckets, Dictionary<int, int> OpenDue)>();
            (int Total, int Forwarded, List<HistogramBucket> Buckets, Dictionary<int, int> OpenDue) CellOf(CellKey key) =>
                cells.TryGetValue(key, out var cell) ? cell : cells[key] = (0, 0, [], []);
            foreach (var g in groups)
            foreach (var scope in ScopesOf(g.DirectorateId, g.Channel))
            {
                var key = new CellKey(scope, dimension, new DateOnly(g.Year, g.Month, 1), g.Key ?? 0);
                var cell = CellOf(key);
                cells[key] = cell with { Total = cell.Total + g.Count, Forwarded = cell.Forwarded + g.Forwarded };
                if (g.Min is { } min) cell.Buckets.Add(new HistogramBucket(g.Bucket, g.Count, g.InTime, min, g.Max!.Value));
            }
            foreach (var r in openRows)
            foreach (var scope in ScopesOf(r.DirectorateId, r.Channel))
            {
                var days = CellOf(new CellKey(scope, dimension, new DateOnly(r.CreatedOn.Year, r.CreatedOn.Month, 1), r.Key ?? 0)).OpenDue;
                var day = DueDay(r.DueAt);
                days[day] = days.GetValueOrDefault(day) + 1;
            }
            var rows = cells.Select(c => new RequestStatisticsCell
            {
                Scope = c.Key.Scope, Dimension = dimension, Month = c.Key.Month, Key = c.Key.Key, Total = c.Value.Total, Forwarded = c.Value.Forwarded,
                // Cells of the whole municipality (or of a channel) gather the same bucket from several groups.
                Histogram = HistogramCodec.Encode(c.Value.Buckets.GroupBy(b => b.Bucket).Select(b => new HistogramBucket(b.Key,
                    b.Sum(x => x.Count), b.Sum(x => x.InTime), b.Min(x => x.Min), b.Max(x => x.Max)))),
                OpenDue = DueDayCodec.Encode(c.Value.OpenDue),
            });
            foreach (var chunk in rows.Chunk(1000))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    /// <summary>On start: builds the cells of a database that has requests but none yet (first start after the migration).</summary>
    public static async Task EnsureAsync(IntranetDbContext db, CancellationToken ct = default)
    {
        if (!await db.Set<RequestStatisticsCell>().AnyAsync(ct) && await db.Requests.AnyAsync(ct)) await RebuildAsync(db, ct);
    }
}
