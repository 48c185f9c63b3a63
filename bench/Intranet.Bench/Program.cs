using System.Diagnostics;
using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Microsoft.EntityFrameworkCore;

// Usage: Intranet.Bench --provider Sqlite|PostgreSQL --connection "..." [--count 1000000] [--iterations 30] [--warmup 3]
//        [--only "one channel"] (only the cases whose group and name contain the text)
var options = Args.Parse(args);
var provider = Enum.Parse<DatabaseProvider>(options.Get("provider", "Sqlite"), ignoreCase: true);
var connection = options.Get("connection", "Data Source=bench/data/requests-sqlite.db");
var count = int.Parse(options.Get("count", "1000000"), CultureInfo.InvariantCulture);
var iterations = options.Has("sql") ? 1 : int.Parse(options.Get("iterations", "30"), CultureInfo.InvariantCulture);
var warmup = options.Has("sql") ? 0 : int.Parse(options.Get("warmup", "3"), CultureInfo.InvariantCulture);

var builder = new DbContextOptionsBuilder<IntranetDbContext>();
builder.UseProvider(provider, connection);
// --sql: print the SQL of every command (to read query plans), and run one iteration.
if (options.Has("sql")) builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
var dbOptions = builder.Options;
IntranetDbContext NewContext(UserContext user) => new(dbOptions, new FixedCurrentUser(user), TimeProvider.System);

Console.WriteLine($"== {provider}: {count:N0} requests, {iterations} iterations after {warmup} warm-up, {Environment.ProcessorCount} cores");
await using (var db = NewContext(UserContext.System))
{
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    await db.Database.MigrateAsync();
    await DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 0 }, CancellationToken.None);
    var existing = await db.Requests.CountAsync();
    var seeded = false;
    if (existing < count)
    {
        Console.WriteLine($"Seeding {count - existing:N0} requests (have {existing:N0}) ...");
        var started = Stopwatch.StartNew();
        await DemoSeeder.SeedRequestsAsync(db, count - existing, batchSize: 10_000);
        Console.WriteLine($"Seeded in {started.Elapsed.TotalSeconds:N0} s");
        seeded = true;
    }
    else Console.WriteLine($"Reusing the database: {existing:N0} requests");
    // A database seeded before the statistics cells existed gets them now (as the app does on start).
    var cellsStarted = Stopwatch.StartNew();
    await RequestStatisticsCells.EnsureAsync(db);
    if (cellsStarted.Elapsed.TotalSeconds > 1) Console.WriteLine($"Statistics cells built in {cellsStarted.Elapsed.TotalSeconds:N0} s");
    // Planner statistics, as a production database has them (autovacuum on PostgreSQL, PRAGMA optimize on SQLite).
    if (provider == DatabaseProvider.Sqlite)
    {
        var hasStats = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync() > 0;
        if (seeded || !hasStats || options.Has("analyze")) await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
    else if (seeded || options.Has("analyze")) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
}

UserContext admin, staff;
int fen, busiestNeighbourhood, busiestCategory, busiestAssignee;
await using (var db = NewContext(UserContext.System))
{
    var a = await db.Users.AsNoTracking().FirstAsync(u => u.ObjectId == "demo-admin");
    var s = await db.Users.AsNoTracking().FirstAsync(u => u.ObjectId == "demo-fen-personel-1");
    admin = new UserContext(a.Id, a.ObjectId, a.DisplayName, a.RoleList().ToHashSet(), a.DirectorateId, false);
    staff = new UserContext(s.Id, s.ObjectId, s.DisplayName, s.RoleList().ToHashSet(), s.DirectorateId, false);
    fen = s.DirectorateId!.Value;
    busiestNeighbourhood = await db.Requests.GroupBy(r => r.NeighbourhoodId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    // The FEN staff member with the most requests: a "my work" view.
    busiestAssignee = await db.Requests.Where(r => r.DirectorateId == fen && r.AssigneeId != null).GroupBy(r => r.AssigneeId!.Value)
        .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    busiestCategory = await db.Requests.GroupBy(r => r.CategoryId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
}

// One instant for the whole run, so the cells and the reference count "overdue" against the same clock.
var clock = new FrozenClock(TimeProvider.System.GetUtcNow());
var today = IstanbulTime.Today(DateTime.UtcNow);
var lastYear = new RequestFilter { From = today.AddMonths(-12).AddDays(1), To = today };
var listCases = new (string Name, RequestFilter Filter)[]
{
    ("no filter", new RequestFilter()),
    ("open only", new RequestFilter { OpenOnly = true }),
    ("directorate + status", new RequestFilter { DirectorateId = fen, Statuses = [RequestStatus.Islemde] }),
    ("neighbourhood + 30 days", new RequestFilter { NeighbourhoodId = busiestNeighbourhood, From = today.AddDays(-30), To = today }),
    ("overdue", new RequestFilter { OverdueOnly = true }),
    ("category + channel", new RequestFilter { CategoryId = busiestCategory, Channel = RequestChannel.Web }),
    ("assignee + open", new RequestFilter { AssigneeId = busiestAssignee, OpenOnly = true }),
    ("text 'korkuluk'", new RequestFilter { Text = "korkuluk" }),
    // The same rows: the search folds case and the Turkish letters.
    ("text 'KORKULUK'", new RequestFilter { Text = "KORKULUK" }),
    ("text 'ŞİRİNTEPE'", new RequestFilter { Text = "ŞİRİNTEPE" }),
    // A word in most requests: the first page must not wait for every match to be sorted.
    ("text 'mahallesi'", new RequestFilter { Text = "mahallesi" }),
    ("text 'korkuluk' + open", new RequestFilter { Text = "korkuluk", OpenOnly = true }),
    ("text 'korkuluk' + nbhd", new RequestFilter { Text = "korkuluk", NeighbourhoodId = busiestNeighbourhood }),
};
var statisticsCases = new (string Name, RequestFilter Filter)[]
{
    ("12 months", lastYear),
    // One channel: Admin reads the channel's own cells; a directorate has none per channel, so Staff reads requests.
    ("12 months, one channel", lastYear with { Channel = RequestChannel.Web }),
    // Another filter than the date range, the directorate or the channel reads the requests: how long that takes.
    ("12 months, one category", lastYear with { CategoryId = busiestCategory }),
};

var only = options.Get("only", "");
bool Wanted(string group, string name) => only.Length == 0 || $"{group} {name}".Contains(only, StringComparison.OrdinalIgnoreCase);
var results = new List<(string Group, string Name, string User, double Median, double P95, string Note)>();
foreach (var (userName, user) in new[] { ("Admin", admin), ("Staff FEN", staff) })
{
    var factory = new Factory(dbOptions, user);
    var queries = new RequestQueries(factory, new FixedCurrentUser(user), clock);
    var statistics = new RequestStatistics(factory, new FixedCurrentUser(user), clock);
    foreach (var (name, filter) in listCases)
    {
        if (!Wanted("list page 1", name)) continue;
        var total = 0;
        var (median, p95) = await Measure(async () => total = (await queries.ListAsync(filter, new RequestPage())).TotalCount);
        results.Add(("list page 1", name, userName, median, p95, $"{total:N0} rows"));
        Print(results[^1]);
    }
    var reference = new RequestStatistics(factory, new FixedCurrentUser(user), clock) { UseCells = false };
    foreach (var (caseName, filter) in statisticsCases)
    foreach (var dimension in Enum.GetValues<StatisticsDimension>())
    {
        if (!Wanted($"statistics {caseName}", dimension.ToString())) continue;
        RequestStatisticsResult? result = null;
        var (median, p95) = await Measure(async () => result = await statistics.GetAsync(filter, dimension));
        // The cells must give what the requests give: checked once per case on the full data set.
        var same = Same(result!, await reference.GetAsync(filter, dimension));
        results.Add(($"statistics {caseName}", dimension.ToString(), userName, median, p95, $"{result!.Rows.Count} lines{(same ? "" : " DIFFERENT FROM THE REQUESTS")}"));
        Print(results[^1]);
    }
    // The monthly bulletin reads two months of applications (the month and the one before) with their callbacks.
    if (!Wanted("bulletin", "")) continue;
    var bulletin = new Intranet.Core.Requests.Bulletin.MonthlyBulletin(factory, new FixedCurrentUser(user));
    var lastMonth = today.AddMonths(-1);
    var applications = 0;
    var (bulletinMedian, bulletinP95) = await Measure(async () => applications = (await bulletin.GetAsync(lastMonth.Year, lastMonth.Month)).Current.Total);
    results.Add(("bulletin", $"{lastMonth:yyyy-MM}", userName, bulletinMedian, bulletinP95, $"{applications:N0} applications"));
    Print(results[^1]);
}

var misses = results.Where(r => r.Median > (r.Group.StartsWith("list", StringComparison.Ordinal) ? 50 : 200)).ToList();
Console.WriteLine(misses.Count == 0 ? "All medians within target (list < 50 ms, statistics and bulletin < 200 ms)." : $"{misses.Count} medians above target.");
return;

async Task<(double Median, double P95)> Measure(Func<Task> action)
{
    for (var i = 0; i < warmup; i++) await action();
    var times = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (Timings.Quantile(times, 0.5), Timings.Quantile(times, 0.95));
}

static bool Same(RequestStatisticsResult a, RequestStatisticsResult b) =>
    a.Rows.Count == b.Rows.Count && a.Rows.Append(a.Total).Zip(b.Rows.Append(b.Total)).All(p => SameRow(p.First, p.Second));

static bool SameRow(RequestStatisticsRow x, RequestStatisticsRow y) =>
    (x.Key, x.Name, x.Total, x.Open, x.Resolved, x.Overdue, x.Forwarded) == (y.Key, y.Name, y.Total, y.Open, y.Resolved, y.Overdue, y.Forwarded)
    && Close(x.MedianResolutionHours, y.MedianResolutionHours) && Close(x.P90ResolutionHours, y.P90ResolutionHours)
    && Close(x.ShareWithinDeadline, y.ShareWithinDeadline);

// Floating-point sums in a different order may differ in the last bits.
static bool Close(double? x, double? y) => x == y || (x is { } u && y is { } v && Math.Abs(u - v) <= 1e-9 * Math.Max(1, Math.Abs(u)));

static void Print((string Group, string Name, string User, double Median, double P95, string Note) r) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Group,-22} {r.Name,-26} {r.User,-10} median {r.Median,8:F1} ms   p95 {r.P95,8:F1} ms   {r.Note}"));

sealed class FrozenClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}

sealed class Factory(DbContextOptions<IntranetDbContext> options, UserContext user) : IDbContextFactory<IntranetDbContext>
{
    public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(user), TimeProvider.System);
}
