// Bulk work benchmark: a Fen İşleri director re-routes N selected requests (a fifth of them another directorate's,
// refused) and then raises the priority of every request matching a filter, on a fresh SQLite file with the demo
// municipality. Prints the total time, the time per batch of 50 and the longest wait between two progress reports
// (what the person watching the progress bar waits at most).
// Usage: dotnet run -c Release --project bench/Intranet.BulkBench -- [--requests 500] [--runs 3] [--dir /tmp/bulkbench]
using System.Diagnostics;
using System.Globalization;
using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Microsoft.EntityFrameworkCore;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
var count = int.Parse(Arg("--requests") ?? "500", CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture);
var folder = Arg("--dir") ?? Path.Combine(Path.GetTempPath(), "bulkbench");
Directory.CreateDirectory(folder);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}");
Console.WriteLine($"selection: {count:N0} requests ({count / 5:N0} of another directorate), batch size {BulkRequestService.BatchSize}, {runs} runs");

var reroute = new List<double>();
var priority = new List<double>();
var batches = new List<double>();
var gaps = new List<double>();
for (var run = 1; run <= runs; run++)
{
    var path = Path.Combine(folder, $"bulk-{run}.db");
    foreach (var f in Directory.GetFiles(folder, $"bulk-{run}.db*")) File.Delete(f);
    var builder = new DbContextOptionsBuilder<IntranetDbContext>();
    builder.UseProvider(DatabaseProvider.Sqlite, $"Data Source={path}");
    var options = builder.Options;
    await using (var db = new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), TimeProvider.System))
    {
        await db.Database.MigrateAsync();
        await DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 0 }, CancellationToken.None);
    }
    var ids = await SeedSelectionAsync(options, count);
    var director = await UserAsync(options, "demo-fen-mudur");
    var bulk = Bulk(options, director);
    var tem = await DirectorateAsync(options, "TEM");

    var progress = new Timed();
    var sw = Stopwatch.StartNew();
    var result = await bulk.RouteAsync(new BulkSelection(ids), tem, "Benchmark", progress);
    reroute.Add(sw.Elapsed.TotalMilliseconds);
    batches.AddRange(progress.Batches);
    gaps.Add(progress.Batches.Max());
    Console.WriteLine($"run {run}: re-route {result.DoneCount:N0} done / {result.NotDone.Count:N0} refused in {sw.Elapsed.TotalMilliseconds:F0} ms");

    // "Every request matching the filter", as the desk: all open requests of Temizlik (the ones just moved there).
    var desk = Bulk(options, await UserAsync(options, "demo-halk-personel-1"));
    sw.Restart();
    var all = await desk.SetPriorityAsync(BulkSelection.Matching(new RequestFilter { DirectorateId = tem, OpenOnly = true }), RequestPriority.Acil);
    priority.Add(sw.Elapsed.TotalMilliseconds);
    Console.WriteLine($"run {run}: priority on all {all.Total:N0} matching in {sw.Elapsed.TotalMilliseconds:F0} ms");
}
Console.WriteLine();
Console.WriteLine($"re-route {count:N0}        {Format(reroute)}");
Console.WriteLine($"priority (filter)   {Format(priority)}");
Console.WriteLine($"per batch of {BulkRequestService.BatchSize}     {Format(batches)}");
Console.WriteLine($"longest progress gap {Format(gaps)}");
return 0;

static string Format(List<double> ms)
{
    var s = ms.Order().ToList();
    double P(double p) => s[(int)Math.Clamp(Math.Ceiling(p / 100 * s.Count) - 1, 0, s.Count - 1)];
    return $"n={s.Count} median={P(50):F0} ms p95={P(95):F0} ms min={s[0]:F0} ms max={s[^1]:F0} ms";
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static BulkRequestService Bulk(DbContextOptions<IntranetDbContext> options, UserContext user)
{
    var factory = new Factory(options, user);
    var calendars = new WorkingCalendarProvider(_ => Task.FromResult(TurkishHolidays.Shipped().ToList()));
    var current = new FixedCurrentUser(user);
    var requests = new RequestService(factory, current, calendars, new DeadlineOptions(), new InProcessChangeFeed(), TimeProvider.System);
    return new BulkRequestService(factory, current, requests, new InProcessChangeFeed(), TimeProvider.System);
}

static async Task<UserContext> UserAsync(DbContextOptions<IntranetDbContext> options, string objectId)
{
    await using var db = new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
    var u = await db.Users.Include(x => x.Directorate).SingleAsync(x => x.ObjectId == objectId);
    return new UserContext(u.Id, u.ObjectId, u.DisplayName, u.RoleList().ToHashSet(), u.DirectorateId, u.Directorate?.IsScreeningDesk == true);
}

static async Task<int> DirectorateAsync(DbContextOptions<IntranetDbContext> options, string code)
{
    await using var db = new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
    return await db.Directorates.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
}

/// <summary>count routed requests, four in five Fen İşleri's and one in five Park ve Bahçeler's, interleaved.</summary>
static async Task<List<int>> SeedSelectionAsync(DbContextOptions<IntranetDbContext> options, int count)
{
    await using var db = new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), TimeProvider.System) { AuditingSuspended = true };
    var categories = await db.Categories.Include(c => c.DefaultDirectorate)
        .Where(c => c.DefaultDirectorate!.Code == "FEN" || c.DefaultDirectorate!.Code == "PARK").ToListAsync();
    var fen = categories.First(c => c.DefaultDirectorate!.Code == "FEN" && c.StopWarning == null);
    var park = categories.First(c => c.DefaultDirectorate!.Code == "PARK");
    var neighbourhood = await db.Neighbourhoods.Select(n => n.Id).FirstAsync();
    var now = DateTime.UtcNow;
    var requests = Enumerable.Range(1, count).Select(i =>
    {
        var category = i % 5 == 0 ? park : fen;
        return new Request
        {
            Number = RequestNumber.Format(2099, i), Year = 2099, Sequence = i, Type = RequestType.Sikayet, Channel = RequestChannel.Web,
            Status = RequestStatus.HavaleEdildi, Text = $"Benchmark {i}", NeighbourhoodId = neighbourhood, CategoryId = category.Id,
            DirectorateId = category.DefaultDirectorateId, CreatedAt = now, CreatedOn = IstanbulTime.Today(now), DueAt = now.AddDays(5),
            AnswerDueAt = now.AddDays(5), RoutedAt = now, UpdatedAt = now,
        };
    }).ToList();
    db.Requests.AddRange(requests);
    await db.SaveChangesAsync();
    return requests.Select(r => r.Id).ToList();
}

/// <summary>Times between progress reports (each one batch), reported on the calling thread.</summary>
sealed class Timed : IProgress<BulkProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _last;
    public List<double> Batches { get; } = [];

    public void Report(BulkProgress value)
    {
        var now = _clock.Elapsed.TotalMilliseconds;
        Batches.Add(now - _last);
        _last = now;
    }
}

sealed class Factory(DbContextOptions<IntranetDbContext> options, UserContext user) : IDbContextFactory<IntranetDbContext>
{
    public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(user), TimeProvider.System);
}
