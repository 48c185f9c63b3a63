// Dashboard refresh benchmark: times DashboardQueries.ComputeAsync (a full load of a scope's figures from the database:
// what runs when a scope is first shown and on the slow reload cadence) on a large SQLite database, for the whole
// municipality and for one directorate, and each of its queries apart; then what a change costs on the live path:
// DashboardFigures.Apply plus the new snapshot, for real requests re-routed, resolved and newly taken in.
// Usage: dotnet run -c Release --project bench/Intranet.DashboardBench -- DB_PATH [--runs 30] [--warmup 3]
//        [--directorate ID] [--migrate] [--plans [--sql]]
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0 || args[0].StartsWith("--"))
{
    Console.Error.WriteLine("usage: Intranet.DashboardBench DB_PATH [--runs 30] [--warmup 3] [--directorate ID] [--migrate] [--plans [--sql]]");
    return 2;
}
var path = args[0];
if (!File.Exists(path)) { Console.Error.WriteLine($"no database at {path}"); return 2; }
string? Arg(string name) { var i = Array.IndexOf(args, name); return i > 0 && i + 1 < args.Length ? args[i + 1] : null; }
var runs = int.Parse(Arg("--runs") ?? "30", CultureInfo.InvariantCulture);
var warmup = int.Parse(Arg("--warmup") ?? "3", CultureInfo.InvariantCulture);

var timer = new QueryTimer();
var builder = new DbContextOptionsBuilder<IntranetDbContext>();
builder.UseProvider(DatabaseProvider.Sqlite, $"Data Source={path}").AddInterceptors(timer);
var options = builder.Options;
var factory = new Factory(options);

if (args.Contains("--migrate"))
{
    await using var db = factory.CreateDbContext();
    var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
    if (pending.Count > 0)
    {
        var sw = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        Console.WriteLine($"migrated: {string.Join(", ", pending)} ({sw.Elapsed.TotalSeconds:F1} s)");
    }
}

int directorateId;
long total;
await using (var db = factory.CreateDbContext())
{
    total = await db.Requests.LongCountAsync();
    directorateId = Arg("--directorate") is { } d ? int.Parse(d, CultureInfo.InvariantCulture)
        : await db.Requests.Where(r => r.DirectorateId != null).GroupBy(r => r.DirectorateId!.Value)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    var name = await db.Directorates.Where(x => x.Id == directorateId).Select(x => x.Name).FirstAsync();
    var open = await db.Requests.CountAsync(r => Request.OpenStatuses.Contains(r.Status));
    Console.WriteLine($"database: {path} ({new FileInfo(path).Length / 1048576} MB), {total:N0} requests, {open:N0} open");
    Console.WriteLine($"directorate scope: #{directorateId} {name}");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
}

var queries = new DashboardQueries(factory, TimeProvider.System);
var scopes = new[] { ("municipality", DashboardScope.Municipality), ("directorate", new DashboardScope(DirectorateId: directorateId)) };
var summary = new List<string>();
long version = 0;
foreach (var (label, scope) in scopes)
{
    for (var i = 0; i < warmup; i++) await queries.ComputeAsync(scope, ++version);
    timer.Reset();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await queries.ComputeAsync(scope, ++version);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine();
    var line = $"refresh {label,-13} runs={runs} {Stats.Format(times)}";
    Console.WriteLine(line);
    summary.Add(line);
    Console.WriteLine($"  per query ({label}), ms, sorted by median:");
    foreach (var (tag, ms) in timer.Samples.OrderByDescending(s => Stats.Percentile(s.Value, 50)))
        Console.WriteLine($"    {tag,-52} {Stats.Format(ms)}");
    var sumOfMedians = timer.Samples.Values.Sum(v => Stats.Percentile(v, 50));
    Console.WriteLine($"    {"(sum of query medians)",-52} {sumOfMedians:F1}");
}

// --- the live path: one change applied to loaded figures, and the snapshot built from them --------------------------
{
    var figures = await queries.LoadAsync(DashboardScope.Municipality);
    var snapshot = figures.ToSnapshot(null, () => ++version, DateTime.UtcNow);
    List<RequestFacts> sample;
    int[] directorates;
    await using (var db = factory.CreateDbContext())
    {
        sample = await db.Requests.Where(r => Request.OpenStatuses.Contains(r.Status)).OrderBy(r => r.Id).Take(3000)
            .Select(r => new RequestFacts(r.Id, r.Number, r.Status, r.NeighbourhoodId, r.DirectorateId, r.CategoryId, r.Channel, r.CreatedAt,
                r.CreatedOn, r.DueAt, r.ResolvedAt, r.ResolutionMinutes, r.ResolvedInTime, r.ClosedAt)).ToListAsync();
        directorates = await db.Directorates.Where(d => d.IsActive).Select(d => d.Id).ToArrayAsync();
    }
    var now = DateTime.UtcNow;
    var changes = sample.Select((f, i) => (i % 3) switch
    {
        0 => new RequestChange(f, f with { Status = RequestStatus.HavaleEdildi, DirectorateId = directorates[i % directorates.Length] }),
        1 => new RequestChange(f, f with { Status = RequestStatus.Cozuldu, ResolvedAt = now, ResolutionMinutes = (int)(now - f.CreatedAt).TotalMinutes, ResolvedInTime = now <= f.DueAt }),
        _ => new RequestChange(null, f with { Id = int.MaxValue - i, Status = RequestStatus.Yeni, CreatedAt = now, CreatedOn = IstanbulTime.Today(now) }),
    }).ToList();
    var micros = new List<double>();
    foreach (var change in changes)
    {
        var t0 = Stopwatch.GetTimestamp();
        figures.Apply(change);
        snapshot = figures.ToSnapshot(snapshot, () => ++version, DateTime.UtcNow);
        micros.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds * 1000);
    }
    micros.Sort();
    var line = $"apply one change (municipality, re-route/resolve/intake of real requests) runs={micros.Count} median={Stats.Percentile(micros, 50):F1} µs p95={Stats.Percentile(micros, 95):F1} µs max={micros[^1]:F1} µs";
    Console.WriteLine();
    Console.WriteLine(line);
    summary.Add(line);
}

if (args.Contains("--plans"))
{
    Console.WriteLine();
    Console.WriteLine("query plans (municipality, then directorate scope):");
    timer.Capture = true;
    foreach (var (_, scope) in scopes) await queries.ComputeAsync(scope, ++version);
    timer.Capture = false;
    var showSql = args.Contains("--sql");
    await using var db = factory.CreateDbContext();
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    foreach (var (tag, command) in timer.Captured)
    {
        Console.WriteLine($"  {tag}:");
        if (showSql)
        {
            Console.WriteLine("      " + command.Text.Replace("\n", "\n      "));
            Console.WriteLine("      -- " + string.Join(", ", command.Parameters.Select(p => $"{p.Item1}={p.Item2}")));
        }
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (n, v) in command.Parameters)
        {
            var p = explain.CreateParameter();
            p.ParameterName = n;
            p.Value = v ?? DBNull.Value;
            explain.Parameters.Add(p);
        }
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine($"      {reader.GetString(3)}");
    }
}

Console.WriteLine();
Console.WriteLine("== dashboard refresh summary ==");
foreach (var line in summary) Console.WriteLine(line);
return 0;

sealed class Factory(DbContextOptions<IntranetDbContext> options) : IDbContextFactory<IntranetDbContext>
{
    public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
}

/// <summary>Times every command from execution until its reader is closed, keyed by the query's TagWith label.</summary>
sealed class QueryTimer : DbCommandInterceptor
{
    private readonly Dictionary<DbCommand, long> _started = [];
    public Dictionary<string, List<double>> Samples { get; } = [];
    public bool Capture { get; set; }
    public List<(string Tag, (string Text, List<(string, object?)> Parameters) Command)> Captured { get; } = [];

    public void Reset() { lock (_started) Samples.Clear(); }

    private void Start(DbCommand command)
    {
        lock (_started) _started[command] = Stopwatch.GetTimestamp();
        if (Capture && Tag(command) is { } tag && tag.StartsWith("dashboard:"))
            Captured.Add((tag, (command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList())));
    }

    private void Stop(DbCommand command)
    {
        lock (_started)
        {
            if (!_started.Remove(command, out var t0)) return;
            if (Tag(command) is not { } tag || !tag.StartsWith("dashboard:")) return;
            if (!Samples.TryGetValue(tag, out var list)) Samples[tag] = list = [];
            list.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
    }

    private static string? Tag(DbCommand command) =>
        command.CommandText.StartsWith("-- ") ? command.CommandText[3..command.CommandText.IndexOf('\n')].Trim() : null;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return result;
    }
}

static class Stats
{
    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = p / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static string Format(List<double> ms) =>
        $"median={Percentile(ms, 50):F1} ms p95={Percentile(ms, 95):F1} ms min={ms.Min():F1} max={ms.Max():F1} (n={ms.Count})";
}
