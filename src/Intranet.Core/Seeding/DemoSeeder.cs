using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Seeding;

public sealed class DemoSeedOptions
{
    public const int DefaultBatchSize = 5000;
    /// <summary>Requests to generate on a fresh database (benchmarks use up to 1,000,000).</summary>
    public int RequestCount { get; set; } = 3000;
    /// <summary>Requests per save; the change tracker is cleared after each batch so memory stays flat.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;
    /// <summary>Seed of the <see cref="Random"/>: the same seed and clock give the same data.</summary>
    public int Seed { get; set; } = 1453;
    /// <summary>The instant the data is generated around. Null: now on the context's clock (<see cref="IntranetDbContext.Clock"/>), which tests pin.</summary>
    public DateTime? NowUtc { get; set; }
}

/// <summary>
/// Fills an empty database with a believable Kağıthane: organisation, demo users, a year of requests, press,
/// calendar and performance data. Auditing is suspended while seeding: demo rows are nobody's change, and an audit
/// row per insert would double the work of a million-request benchmark seed.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Request histories are written only for this many (the newest) requests of a run: enough for demos, cheap for bulk.</summary>
    public const int HistoryLimit = 5000;

    public static async Task SeedAsync(IntranetDbContext db, DemoSeedOptions options, CancellationToken ct)
    {
        if (await db.Directorates.AnyAsync(ct)) return;
        var now = options.NowUtc ?? db.Clock.UtcNow();
        var suspended = db.AuditingSuspended;
        db.AuditingSuspended = true;
        try
        {
            var directorates = await SeedReferenceAsync(db, ct);
            await DemoExtras.SeedAsync(db, directorates, new Random(options.Seed), now, ct);
            await DemoCalendar.SeedAsync(db, directorates, now, ct);
        }
        finally
        {
            db.AuditingSuspended = suspended;
        }
        await SeedRequestsAsync(db, options.RequestCount, options.BatchSize, options.Seed, now, ct);
        await DemoRequestsBulk.SeedAsync(db, ct);
        await DemoRequestsHandoff.SeedAsync(db, options.Seed, now, ct);
        await DemoMuhtar.SeedAsync(db, new Random(options.Seed + 9), now, ct);
        // The bulk, hand-off and muhtar demos change requests with the per-save upkeep of the statistics cells off or
        // by ExecuteUpdate (hand-offs take requests out of the resolved ones, muhtar visits move requests to the muhtar
        // channel): the cells are rebuilt once more after them.
        await RequestStatisticsCells.RebuildAsync(db, ct);
    }

    /// <summary>
    /// Appends <paramref name="count"/> requests (spread over the last 12 months) to a seeded database, continuing
    /// each year's sequence after its highest number. Used by <c>--seed-requests N</c>. Returns the number added.
    /// </summary>
    public static async Task<int> SeedRequestsAsync(IntranetDbContext db, int count, int batchSize = DemoSeedOptions.DefaultBatchSize,
        int seed = 1453, DateTime? nowUtc = null, CancellationToken ct = default)
    {
        if (count <= 0) return 0;
        batchSize = Math.Max(1, batchSize);
        var now = nowUtc ?? db.Clock.UtcNow();
        var reference = await LoadReferenceAsync(db, ct);
        var sequences = await db.Requests.GroupBy(r => r.Year)
            .Select(g => new { Year = g.Key, Max = g.Max(r => r.Sequence) })
            .ToDictionaryAsync(x => x.Year, x => x.Max, ct);
        var existing = await db.Requests.CountAsync(ct);
        var pool = (await db.Citizens.OrderByDescending(c => c.Id).Take(5000).Select(c => new { c.Id, c.FullName }).ToListAsync(ct))
            .Select(c => ((int?)c.Id, c.FullName)).ToList();

        // A different but repeatable stream per append, so a second append does not repeat the first.
        var rng = new Random(unchecked(seed * 31 + existing));
        var generator = new RequestGenerator(rng, now, reference);
        var timeline = new DemoTimeline(now);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        var suspended = db.AuditingSuspended;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditingSuspended = true;
        try
        {
            for (var start = 0; start < count; start += batchSize)
            {
                var n = Math.Min(batchSize, count - start);
                var batch = new List<GeneratedRequest>(n);
                var batchCitizens = new List<Citizen>();
                for (var i = start; i < start + n; i++)
                {
                    var createdAt = timeline.At((i + rng.NextDouble()) / count);
                    var year = DemoClock.ToIstanbul(createdAt).Year;
                    var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
                    var generated = generator.Next(createdAt, year, sequence, PickReturningCitizen(rng, pool, batchCitizens), withHistory: i >= count - HistoryLimit);
                    if (generated.NewCitizen is not null) batchCitizens.Add(generated.NewCitizen);
                    db.Requests.Add(generated.Request);
                    batch.Add(generated);
                }
                await db.SaveChangesAsync(ct);

                var history = batch.SelectMany(g => g.History.Select(h => { h.RequestId = g.Request.Id; return h; })).ToList();
                if (history.Count > 0)
                {
                    db.RequestHistory.AddRange(history);
                    await db.SaveChangesAsync(ct);
                }
                foreach (var c in batchCitizens)
                {
                    if (pool.Count < 5000) pool.Add((c.Id, c.FullName));
                    else pool[rng.Next(pool.Count)] = (c.Id, c.FullName);
                }
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.AuditingSuspended = suspended;
        }
        // Bulk inserts skip the per-save upkeep of the statistics cells: one rebuild instead.
        await RequestStatisticsCells.RebuildAsync(db, ct);
        return count;
    }

    /// <summary>About one request in six comes from someone who applied before, now and then within the same batch.</summary>
    private static ReturningCitizen? PickReturningCitizen(Random rng, List<(int? Id, string Name)> pool, List<Citizen> batch)
    {
        if (rng.Next(6) != 0) return null;
        if (batch.Count > 0 && (pool.Count == 0 || rng.Next(4) == 0))
        {
            var tracked = batch[rng.Next(batch.Count)];
            return new ReturningCitizen(tracked.FullName, null, tracked);
        }
        if (pool.Count == 0) return null;
        var (id, name) = pool[rng.Next(pool.Count)];
        return new ReturningCitizen(name, id, null);
    }

    private static async Task<Dictionary<string, Directorate>> SeedReferenceAsync(IntranetDbContext db, CancellationToken ct)
    {
        var directorates = DemoData.Directorates.ToDictionary(d => d.Code, d =>
        {
            var deputy = DemoData.DeputyMayors[d.DeputyMayor];
            return new Directorate
            {
                Name = d.Name,
                Code = d.Code,
                DeputyMayorName = deputy.Name,
                DeputyMayorEmail = deputy.Email,
                DeputyMayorPhone = deputy.Phone,
                Email = $"{TurkishText.Fold(d.Code)}@{DemoData.MailDomain}",
                IsScreeningDesk = d.IsScreeningDesk,
            };
        });
        db.Directorates.AddRange(directorates.Values);
        db.Neighbourhoods.AddRange(DemoData.Neighbourhoods.Select(n => new Neighbourhood
        {
            Name = n.Name,
            SearchKey = TurkishText.Fold(n.Name),
            Population = n.Population,
        }));
        db.Categories.AddRange(DemoData.Categories.Select(c => new Category
        {
            Name = c.Name,
            SearchKey = TurkishText.Fold(c.Name),
            DefaultDirectorate = directorates[c.DirectorateCode],
            WaitingTime = c.WaitingTime,
            WaitingTimeUnit = c.Unit,
            AnswerWithinDays = c.AnswerWithinDays,
        }));
        db.Users.AddRange(DemoData.Users.Select(u => new AppUser
        {
            ObjectId = u.ObjectId,
            DisplayName = u.DisplayName,
            Email = $"{DemoData.MailboxOf(u.DisplayName)}@{DemoData.MailDomain}",
            Phone = PhoneNumber.Normalize(u.Phone),
            Title = u.Title,
            Roles = u.Role,
            Directorate = u.DirectorateCode is null ? null : directorates[u.DirectorateCode],
            IsDemo = true,
        }));
        await db.SaveChangesAsync(ct);
        return directorates;
    }

    private static async Task<GeneratorReference> LoadReferenceAsync(IntranetDbContext db, CancellationToken ct)
    {
        var directorates = await db.Directorates.AsNoTracking().ToListAsync(ct);
        // A stop-warning category takes no requests (the caller is sent to an emergency line).
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive && c.StopWarning == null).OrderBy(c => c.Id).ToListAsync(ct);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Where(n => n.IsActive).OrderBy(n => n.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Id).ToListAsync(ct);
        if (categories.Count == 0 || neighbourhoods.Count == 0)
            throw new InvalidOperationException("The database has no categories or neighbourhoods: run the full demo seed first.");

        var seeds = DemoData.Categories.ToDictionary(c => c.Name);
        var places = DemoData.Neighbourhoods.ToDictionary(n => n.Name);
        var screeningIds = directorates.Where(d => d.IsScreeningDesk).Select(d => d.Id).ToHashSet();
        static GeneratorActor Actor(AppUser u) => new(u.Id, u.DisplayName);
        var staff = users.Where(u => u.DirectorateId is not null && u.RoleList().Contains(Roles.Staff)).ToList();
        var screening = staff.Where(u => screeningIds.Contains(u.DirectorateId!.Value)).Select(Actor).ToArray();

        return new GeneratorReference(
            categories.Select(c => new GeneratorCategory(c.Id, c.Name, c.DefaultDirectorateId, c.WaitingTime, c.WaitingTimeUnit, c.AnswerWithinDays,
                seeds.GetValueOrDefault(c.Name)?.Weight ?? 1, seeds.GetValueOrDefault(c.Name)?.Templates ?? [])).ToList(),
            neighbourhoods.Select(n => places.TryGetValue(n.Name, out var p)
                ? new GeneratorNeighbourhood(n.Id, n.Name, n.Population ?? p.Population, p.Latitude, p.Longitude)
                : new GeneratorNeighbourhood(n.Id, n.Name, n.Population ?? 20000, 41.085, 28.980)).ToList(),
            staff.GroupBy(u => u.DirectorateId!.Value).ToDictionary(g => g.Key, g => g.Select(Actor).ToArray()),
            users.Where(u => u.DirectorateId is not null && u.RoleList().Contains(Roles.Director))
                .GroupBy(u => u.DirectorateId!.Value).ToDictionary(g => g.Key, g => Actor(g.First())),
            directorates.ToDictionary(d => d.Id, d => d.Name),
            screening.Length > 0 ? screening : [new GeneratorActor(null, "Çözüm Merkezi")]);
    }
}
