using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>What the regulations ask the figures to be broken down by.</summary>
public enum StatisticsDimension
{
    Neighbourhood,
    Category,
    Directorate,
    Channel,
}

/// <summary>
/// One line of a breakdown. <see cref="Key"/> is the neighbourhood, category or directorate id, or the
/// <see cref="RequestChannel"/> as a number; null only for requests not yet routed to a directorate.
/// Resolution figures cover the resolved requests only; they are null when none is resolved. <see cref="Forwarded"/>
/// counts requests handed to an outside body: neither open nor resolved, never part of the resolution figures.
/// </summary>
public sealed record RequestStatisticsRow(
    int? Key,
    string Name,
    int Total,
    int Open,
    int Resolved,
    int Overdue,
    double? MedianResolutionHours,
    double? P90ResolutionHours,
    double? ShareWithinDeadline,
    int Forwarded);

/// <summary>A breakdown by one dimension, and the same figures over all its rows.</summary>
public sealed record RequestStatisticsResult(StatisticsDimension Dimension, IReadOnlyList<RequestStatisticsRow> Rows, RequestStatisticsRow Total);

/// <summary>
/// The request statistics the regulations ask for, within what the user may see and over the list's filter
/// (<see cref="RequestQueries.Apply"/>), so a figure and the list it links to count the same rows.
/// <para>
/// Percentiles come from a histogram grouped in SQL: one row per (dimension key, resolution-time bucket) with its
/// count, smallest and largest value, so a million requests never leave the database. Buckets
/// (<see cref="Bucket"/>): 10 minutes under 2 days, 1 hour under 14 days, 6 hours beyond. Within the bucket that
/// holds a percentile's rank the value is interpolated between the bucket's min and max, so the result is exact when
/// that bucket holds one distinct value, two values, or evenly spread ones, and never off by more than the bucket's
/// width (≤ 10 min under 2 days, ≤ 1 h under 14 days, ≤ 6 h beyond: under 2% of the value).
/// Percentiles interpolate between the two nearest ranks, as PostgreSQL's percentile_cont and Excel's
/// PERCENTILE.INC do.
/// </para>
/// <para>
/// A date range (and a directorate) alone, as the statistics page asks, is answered from
/// <see cref="RequestStatisticsCell"/>: the same histogram kept per month and key (<see cref="RequestStatisticsFromCells"/>).
/// Any other filter reads the requests.
/// </para>
/// </summary>
public sealed class RequestStatistics(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Bucket of an unresolved request.</summary>
    internal const int Unresolved = -1;

    /// <summary>False: every figure from the requests themselves, the reference the cells are compared with in tests and the benchmark.</summary>
    internal bool UseCells { get; init; } = true;

    public async Task<RequestStatisticsResult> GetAsync(RequestFilter filter, StatisticsDimension dimension, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Policies.Allows(Policies.Requests, user)) throw new AccessDeniedException();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = RequestQueries.Apply(db, db.Requests.AsNoTracking().VisibleTo(user), filter, now).ExceptIdentityMatches(filter, user);

        // PostgreSQL: the planner guesses ~100k groups (it cannot see through the bucket expression; there are ~15k)
        // and, with the default 4 MB work_mem, sorts and spills instead of hashing; and the high cost estimate
        // switches on JIT, ~70-130 ms of compiling per call. Both are set for this one (read-only, never committed)
        // transaction only. The transaction is also the snapshot in which the cells and the requests read together agree.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var scope = UseCells ? RequestStatisticsFromCells.ScopeFor(filter, user) : null;
        var cells = scope is { } s
            ? await RequestStatisticsFromCells.CellsAsync(db, user, filter, dimension, s, now, ct)
            : await Histogram(query, dimension, now).ToListAsync(ct);
        var names = await NamesAsync(db, dimension, cells.Select(c => c.Key).Where(k => k is not null).Select(k => k!.Value).Distinct().ToList(), ct);

        var rows = cells.GroupBy(c => c.Key)
            .Select(g => Summarize(g.Key, NameOf(dimension, g.Key, names), g.ToList()))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Name, TurkishText.Comparer)
            .ToList();
        // Buckets merge exactly across keys, so the total's percentiles are as good as each row's.
        var merged = cells.GroupBy(c => c.Bucket)
            .Select(g => new Cell(null, g.Key, g.Sum(c => c.Count), g.Sum(c => c.Open), g.Sum(c => c.Overdue), g.Sum(c => c.InTime),
                g.Min(c => c.Min), g.Max(c => c.Max), g.Sum(c => c.Forwarded)))
            .ToList();
        return new RequestStatisticsResult(dimension, rows, Summarize(null, "Toplam", merged));
    }

    /// <summary>Every dimension, for the export.</summary>
    public async Task<IReadOnlyList<RequestStatisticsResult>> GetAllAsync(RequestFilter filter, CancellationToken ct = default)
    {
        var results = new List<RequestStatisticsResult>();
        foreach (var dimension in Enum.GetValues<StatisticsDimension>()) results.Add(await GetAsync(filter, dimension, ct));
        return results;
    }

    /// <summary>The list filter that shows the rows of one line: the statistics' own filter narrowed to the line's key.</summary>
    public static RequestFilter FilterFor(RequestFilter filter, StatisticsDimension dimension, int key) => dimension switch
    {
        StatisticsDimension.Neighbourhood => filter with { NeighbourhoodId = key },
        StatisticsDimension.Category => filter with { CategoryId = key },
        StatisticsDimension.Directorate => filter with { DirectorateId = key },
        StatisticsDimension.Channel => filter with { Channel = (RequestChannel)key },
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static string Name(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Neighbourhood => "Mahalle",
        StatisticsDimension.Category => "Konu",
        StatisticsDimension.Directorate => "Müdürlük",
        StatisticsDimension.Channel => "Kanal",
        _ => dimension.ToString(),
    };

    /// <summary>The histogram bucket of a resolution time in minutes; see the class remarks for the widths.</summary>
    internal static int Bucket(int minutes) =>
        minutes < 2880 ? minutes / 10 : minutes < 20160 ? 288 + (minutes - 2880) / 60 : 576 + (minutes - 20160) / 360;

    /// <summary>The minutes a bucket holds: [low, high).</summary>
    internal static (int Low, int High) BucketRange(int bucket) => bucket switch
    {
        <= 0 => (int.MinValue, 10),
        < 288 => (bucket * 10, bucket * 10 + 10),
        < 576 => (2880 + (bucket - 288) * 60, 2880 + (bucket - 287) * 60),
        _ => (20160 + (bucket - 576) * 360, 20160 + (bucket - 575) * 360),
    };

    /// <summary>One (key, bucket) group: how many, how many open and overdue, within deadline, smallest and largest minutes, handed to an outside body.</summary>
    internal sealed record Cell(int? Key, int Bucket, int Count, int Open, int Overdue, int InTime, int? Min, int? Max, int Forwarded);

    /// <summary>Handed to an outside body: counted apart, neither open nor resolved.</summary>
    internal const RequestStatus Forwarded = RequestStatus.DisKurumaYonlendirildi;

    /// <summary>What the statistics read of a request: its key in the dimension, its bucket, and the columns counted.</summary>
    internal sealed class Row
    {
        public int? Key { get; init; }
        public int Bucket { get; init; }
        public RequestStatus Status { get; init; }
        public DateTime DueAt { get; init; }
        public int? Minutes { get; init; }
        public bool? InTime { get; init; }
        public int? DirectorateId { get; init; }
        public DateOnly CreatedOn { get; init; }
        public RequestChannel Channel { get; init; }
    }

    // Same expression as Bucket(), written out so EF Core turns it into SQL (CASE with integer division); the key
    // parameter is replaced by the dimension's column.
    private static readonly Expression<Func<Request, int?, Row>> RowOf = (r, key) => new Row
    {
        Key = key,
        Bucket = r.ResolutionMinutes == null ? Unresolved
            : r.ResolutionMinutes < 2880 ? r.ResolutionMinutes.Value / 10
            : r.ResolutionMinutes < 20160 ? 288 + (r.ResolutionMinutes.Value - 2880) / 60
            : 576 + (r.ResolutionMinutes.Value - 20160) / 360,
        Status = r.Status,
        DueAt = r.DueAt,
        Minutes = r.ResolutionMinutes,
        InTime = r.ResolvedInTime,
        DirectorateId = r.DirectorateId,
        CreatedOn = r.CreatedOn,
        Channel = r.Channel,
    };

    internal static IQueryable<Row> Rows(IQueryable<Request> query, StatisticsDimension dimension)
    {
        Expression<Func<Request, int?>> key = dimension switch
        {
            StatisticsDimension.Neighbourhood => r => r.NeighbourhoodId,
            StatisticsDimension.Category => r => r.CategoryId,
            StatisticsDimension.Directorate => r => r.DirectorateId,
            StatisticsDimension.Channel => r => (int?)r.Channel,
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
        var request = RowOf.Parameters[0];
        var keyBody = new Substitute(key.Parameters[0], request).Visit(key.Body);
        return query.Select(Expression.Lambda<Func<Request, Row>>(new Substitute(RowOf.Parameters[1], keyBody).Visit(RowOf.Body), request));
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    internal static IQueryable<Cell> Histogram(IQueryable<Request> query, StatisticsDimension dimension, DateTime now)
    {
        var open = Request.OpenStatuses;
        return Rows(query, dimension)
            // Bucket first: no index is ordered by it, so SQLite does not pick a per-key index for its order (and
            // then visit the table a million times) but scans the covering IX_Requests_Statistics.
            .GroupBy(x => new { x.Bucket, x.Key })
            .Select(g => new Cell(
                g.Key.Key,
                g.Key.Bucket,
                g.Count(),
                g.Count(x => open.Contains(x.Status)),
                g.Count(x => open.Contains(x.Status) && x.DueAt < now),
                g.Count(x => x.InTime == true),
                g.Min(x => x.Minutes),
                g.Max(x => x.Minutes),
                g.Count(x => x.Status == Forwarded)));
    }

    private static RequestStatisticsRow Summarize(int? key, string name, List<Cell> cells)
    {
        var resolved = cells.Where(c => c.Bucket != Unresolved && c.Min is not null).OrderBy(c => c.Bucket).ToList();
        var resolvedCount = resolved.Sum(c => c.Count);
        return new RequestStatisticsRow(
            key, name,
            cells.Sum(c => c.Count),
            cells.Sum(c => c.Open),
            resolvedCount,
            cells.Sum(c => c.Overdue),
            Percentile(resolved, resolvedCount, 0.5) / 60.0,
            Percentile(resolved, resolvedCount, 0.9) / 60.0,
            resolvedCount == 0 ? null : (double)cells.Sum(c => c.InTime) / resolvedCount,
            cells.Sum(c => c.Forwarded));
    }

    /// <summary>Linear interpolation between the ranks around (n-1)·p, each rank's value read from its bucket.</summary>
    internal static double? Percentile(IReadOnlyList<(int Count, int Min, int Max)> buckets, double p)
    {
        var n = buckets.Sum(b => b.Count);
        if (n == 0) return null;
        var position = (n - 1) * p;
        var lower = (int)Math.Floor(position);
        var low = ValueAt(buckets, lower);
        var fraction = position - lower;
        return fraction == 0 ? low : low + fraction * (ValueAt(buckets, lower + 1) - low);
    }

    private static double? Percentile(List<Cell> ordered, int n, double p) =>
        n == 0 ? null : Percentile(ordered.Select(c => (c.Count, c.Min!.Value, c.Max!.Value)).ToList(), p);

    /// <summary>The value at a 0-based rank: evenly spread between the min and max of the bucket that holds it.</summary>
    private static double ValueAt(IReadOnlyList<(int Count, int Min, int Max)> buckets, int rank)
    {
        foreach (var (count, min, max) in buckets)
        {
            if (rank < count) return count == 1 ? min : min + (double)(max - min) * rank / (count - 1);
            rank -= count;
        }
        return buckets[^1].Max;
    }

    internal static async Task<Dictionary<int, string>> NamesAsync(IntranetDbContext db, StatisticsDimension dimension, List<int> ids, CancellationToken ct) =>
        dimension switch
        {
            StatisticsDimension.Neighbourhood => await db.Neighbourhoods.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct),
            StatisticsDimension.Category => await db.Categories.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            StatisticsDimension.Directorate => await db.Directorates.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            _ => [],
        };

    private static string NameOf(StatisticsDimension dimension, int? key, Dictionary<int, string> names) => key switch
    {
        null => "Havale edilmemiş",
        { } k when dimension == StatisticsDimension.Channel => ((RequestChannel)k).Name(),
        { } k => names.GetValueOrDefault(k, $"#{k}"),
    };
}
