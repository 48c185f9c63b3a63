using System.Diagnostics;
using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Intranet.PressBench;
using Microsoft.EntityFrameworkCore;

// Usage: Intranet.PressBench --provider Sqlite|PostgreSQL --connection "..." [--count 500000] [--iterations 30] [--warmup 3]
var options = Args.Parse(args);
var provider = Enum.Parse<DatabaseProvider>(options.Get("provider", "Sqlite"), ignoreCase: true);
var connection = options.Get("connection", "Data Source=bench/data/press-sqlite.db");
var count = int.Parse(options.Get("count", "500000"), CultureInfo.InvariantCulture);
var iterations = int.Parse(options.Get("iterations", "30"), CultureInfo.InvariantCulture);
var warmup = int.Parse(options.Get("warmup", "3"), CultureInfo.InvariantCulture);
const int Sources = 50;
var now = new DateTime(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);

var dbOptions = (DbContextOptions<IntranetDbContext>)new DbContextOptionsBuilder<IntranetDbContext>().UseProvider(provider, connection).Options;
IntranetDbContext NewContext() => new(dbOptions, new FixedCurrentUser(UserContext.System), TimeProvider.System);

Console.WriteLine($"== {provider}: {count:N0} clippings, {iterations} iterations after {warmup} warm-up, {Environment.ProcessorCount} cores");
await using (var db = NewContext())
{
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    await db.Database.MigrateAsync();
    if (!await db.PressSources.AnyAsync())
    {
        db.PressSources.AddRange(Enumerable.Range(1, Sources).Select(i => new PressSource { Name = $"Kaynak {i:00}", Kind = (PressSourceKind)(i % 6) }));
        await db.SaveChangesAsync();
    }
    var existing = await db.PressClippings.CountAsync();
    if (existing < count)
    {
        Console.WriteLine($"Seeding {count - existing:N0} clippings (have {existing:N0}) ...");
        var generator = new ClippingGenerator(Sources, now, count);
        for (var i = 0; i < existing; i++) generator.Next(i); // the same stream as a run from empty
        await BulkLoader.LoadAsync(db, generator, existing, count - existing);
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
    }
    else Console.WriteLine($"Reusing the database: {existing:N0} clippings");
}

var factory = new Factory(dbOptions);
var queries = new PressQueries(factory, new FixedCurrentUser(UserContext.System));
var today = IstanbulTime.Today(now);
(string Name, ClippingFilter Filter)[] cases =
[
    ("'istanbul'", new() { Search = "istanbul" }),
    ("'İSTANBUL'", new() { Search = "İSTANBUL" }),
    ("'Istanbul'", new() { Search = "Istanbul" }),
    ("'park' (word start)", new() { Search = "park" }),
    ("'gulgademte' (rare)", new() { Search = "gulgademte" }),
    ("'şirintar' (rare, common 6)", new() { Search = "şirintar" }),
    ("'kağıthaneli' (none, common 6)", new() { Search = "kağıthaneli" }),
    ("'kağıthane belediyesi'", new() { Search = "kağıthane belediyesi" }),
    ("'gültepe kreş'", new() { Search = "gültepe kreş" }),
    ("'çöp' + olumsuz", new() { Search = "çöp", Tone = Tone.Olumsuz }),
    ("'kütüphane' + 30 days", new() { Search = "kütüphane", From = today.AddDays(-29), To = today }),
    ("'asfalt' + source", new() { Search = "asfalt", SourceId = 7 }),
    ("'seyrantepe aşevi' + year", new() { Search = "seyrantepe aşevi", From = today.AddYears(-1), To = today }),
    ("no match", new() { Search = "zzyxw" }),
    ("no text, olumsuz, 90 days", new() { Tone = Tone.Olumsuz, From = today.AddDays(-89), To = today }),
];

var all = new List<double>();
foreach (var (name, filter) in cases)
{
    ClippingPage? last = null;
    var times = new List<double>();
    for (var i = 0; i < warmup + iterations; i++)
    {
        var sw = Stopwatch.StartNew();
        last = await queries.SearchAsync(filter, 0, 25);
        if (i >= warmup) times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    all.AddRange(times);
    var total = last!.TotalCapped ? $">{PressQueries.CountCap:N0}" : last.Total.ToString("N0", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} median {Timings.Quantile(times, 0.5),7:F1} ms   p95 {Timings.Quantile(times, 0.95),7:F1} ms   hits {total,8}"));
}
all.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"ALL SEARCHES",-28} median {Timings.Quantile(all, 0.5),7:F1} ms   p95 {Timings.Quantile(all, 0.95),7:F1} ms   ({all.Count} timings; one search = capped count + first page of 25)"));

sealed class Factory(DbContextOptions<IntranetDbContext> options) : IDbContextFactory<IntranetDbContext>
{
    public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
}
