using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>
/// The statistics read from <see cref="RequestStatisticsCell"/> must be the figures of the requests themselves: on
/// the demo year for every role's scope, date range and dimension; after every kind of save; and when two saves
/// change the same cells at the same moment.
/// </summary>
public sealed class RequestStatisticsCellsTests
{
    // Wednesday 25 November 2026, 10:00 in Istanbul, as the request world's clock.
    private static readonly DateTime Now = new(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, RequestFilter Filter)[] Ranges =
    [
        ("all", new RequestFilter()),
        ("last 12 months", new RequestFilter { From = new DateOnly(2025, 11, 26), To = new DateOnly(2026, 11, 25) }),
        ("one month", new RequestFilter { From = new DateOnly(2026, 6, 1), To = new DateOnly(2026, 6, 30) }),
        ("mid to mid", new RequestFilter { From = new DateOnly(2026, 3, 15), To = new DateOnly(2026, 7, 10) }),
        ("inside a month", new RequestFilter { From = new DateOnly(2026, 5, 10), To = new DateOnly(2026, 5, 20) }),
        ("from a day on", new RequestFilter { From = new DateOnly(2026, 4, 17) }),
        ("up to a day", new RequestFilter { To = new DateOnly(2026, 8, 5) }),
    ];

    [Fact]
    public async Task Sqlite_cells_give_the_figures_of_the_requests()
    {
        using var database = new SqliteTestDatabase();
        await CellsGiveTheFiguresOfTheRequests(database.Factory);
    }

    [PostgresFact]
    public async Task Postgres_cells_give_the_figures_of_the_requests()
    {
        using var database = ProviderTestDatabase.Postgres();
        await CellsGiveTheFiguresOfTheRequests(database.Factory);
    }

    private static async Task CellsGiveTheFiguresOfTheRequests(Func<UserContext, IDbContextFactory<IntranetDbContext>> factory)
    {
        await using (var db = await factory(UserContext.System).CreateDbContextAsync())
            await DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 3000, NowUtc = Now }, CancellationToken.None);
        int fen, park;
        await using (var db = await factory(UserContext.System).CreateDbContextAsync())
            (fen, park) = (db.Directorates.Single(d => d.Code == "FEN").Id, db.Directorates.Single(d => d.Code == "PARK").Id);

        var users = new (string Name, UserContext User, RequestFilter Extra)[]
        {
            ("Admin", TestUsers.As(Roles.Admin), new RequestFilter()),
            ("Admin, FEN only", TestUsers.As(Roles.Admin), new RequestFilter { DirectorateId = fen }),
            ("Admin, web only", TestUsers.As(Roles.Admin), new RequestFilter { Channel = RequestChannel.Web }),
            ("MayorOffice, call centre only", TestUsers.As(Roles.MayorOffice), new RequestFilter { Channel = RequestChannel.CagriMerkezi }),
            ("Staff FEN, call centre only", TestUsers.As(Roles.Staff, fen), new RequestFilter { Channel = RequestChannel.CagriMerkezi }),
            ("MayorOffice", TestUsers.As(Roles.MayorOffice), new RequestFilter()),
            ("Staff FEN", TestUsers.As(Roles.Staff, fen), new RequestFilter()),
            ("Director PARK", TestUsers.As(Roles.Director, park), new RequestFilter()),
        };
        foreach (var (userName, user, extra) in users)
        foreach (var (rangeName, range) in Ranges)
        foreach (var dimension in Enum.GetValues<StatisticsDimension>())
        {
            var filter = range with { DirectorateId = extra.DirectorateId, Channel = extra.Channel };
            var fromCells = await Statistics(factory, user).GetAsync(filter, dimension);
            var fromRequests = await Statistics(factory, user, cells: false).GetAsync(filter, dimension);
            AssertSame(fromRequests, fromCells, $"{userName}, {rangeName}, {dimension}");
            // The request list counts the same rows from the cells (once per user and range is enough).
            if (dimension == StatisticsDimension.Channel)
                Assert.True(fromRequests.Total.Total == (await List(factory, user, filter)).TotalCount, $"list count: {userName}, {rangeName}");
        }

        // And the cells are what was read: spoil them and the whole-year figures follow.
        await using (var db = await factory(UserContext.System).CreateDbContextAsync())
            await db.Set<RequestStatisticsCell>().Where(c => c.Scope == 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.Total, c => c.Total + 1));
        var spoiled = await Statistics(factory, TestUsers.As(Roles.Admin)).GetAsync(Ranges[2].Filter, StatisticsDimension.Channel);
        var right = await Statistics(factory, TestUsers.As(Roles.Admin), cells: false).GetAsync(Ranges[2].Filter, StatisticsDimension.Channel);
        Assert.Equal(right.Total.Total + spoiled.Rows.Count, spoiled.Total.Total);
        Assert.True((await List(factory, TestUsers.As(Roles.Admin), Ranges[2].Filter)).TotalCount > right.Total.Total, "the list's count is read from the cells");
        // A channel's figures, for who sees everything, come from that channel's own cells.
        var web = Ranges[2].Filter with { Channel = RequestChannel.Web };
        await using (var db = await factory(UserContext.System).CreateDbContextAsync())
            await db.Set<RequestStatisticsCell>().Where(c => c.Scope == RequestStatisticsCells.ChannelScope(RequestChannel.Web))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Total, c => c.Total + 1));
        Assert.NotEqual((await Statistics(factory, TestUsers.As(Roles.Admin), cells: false).GetAsync(web, StatisticsDimension.Category)).Total.Total,
            (await Statistics(factory, TestUsers.As(Roles.Admin)).GetAsync(web, StatisticsDimension.Category)).Total.Total);
        // A filter the cells do not hold (a neighbourhood) is counted on the requests themselves.
        var neighbourhood = new RequestFilter { NeighbourhoodId = await FirstNeighbourhood(factory) };
        Assert.Equal((await Statistics(factory, TestUsers.As(Roles.Admin), cells: false).GetAsync(neighbourhood, StatisticsDimension.Channel)).Total.Total,
            (await List(factory, TestUsers.As(Roles.Admin), neighbourhood)).TotalCount);

        // Cells emptied by a write that skipped their upkeep: the list's count is off, but no request is hidden.
        await using (var db = await factory(UserContext.System).CreateDbContextAsync())
            await db.Set<RequestStatisticsCell>().ExecuteDeleteAsync();
        Assert.Equal(25, (await List(factory, TestUsers.As(Roles.Admin), new RequestFilter())).Items.Count);
    }

    [Fact]
    public async Task Every_save_through_the_service_keeps_the_cells_equal_to_a_rebuild()
    {
        using var world = new RequestWorld();
        var desk = world.As("demo-halk-personel-1");
        var (fen, park) = (world.DirectorateId("FEN"), world.DirectorateId("PARK"));
        var ids = new List<int>();
        foreach (var (code, place) in new[] { ("FEN", "Çağlayan"), ("FEN", "Gültepe"), ("PARK", "Çağlayan"), ("FEN", "Çağlayan"), ("TEM", "Merkez") })
            ids.Add((await world.Service(desk).CreateAsync(world.PhoneCall(code, place))).Id);
        await AssertCellsMatchRebuild(world.Database.Create);

        async Task Step(int id, RequestAction action, string? note = null, int? directorate = null) =>
            await world.Service(UserContext.System).ApplyAsync(new RequestStep(id, await world.VersionOf(id), action, note, DirectorateId: directorate,
                ReplyChannel: action == RequestAction.Answer ? ReplyChannel.Telefon : null));

        // The fourth, a FEN request, is routed to PARK; the fifth goes to TEM, then is re-routed to PARK.
        foreach (var (id, to) in ids.Zip(new[] { fen, fen, park, park, world.DirectorateId("TEM") }))
            await Step(id, RequestAction.Route, directorate: to);
        await Step(ids[4], RequestAction.Route, "Yanlış müdürlük.", park);
        foreach (var (id, hours) in ids.Zip(new[] { 3, 5, 5, 30, 200 }))
        {
            world.Clock.Now += TimeSpan.FromHours(hours);
            await Step(id, RequestAction.Start);
            await Step(id, RequestAction.Resolve, "Giderildi.");
        }
        await AssertCellsMatchRebuild(world.Database.Create);

        await Step(ids[0], RequestAction.Answer, "Bilgi verildi.");
        await Step(ids[0], RequestAction.Close);
        // Reopening takes the smallest and the largest resolution time out of their buckets: they are counted again.
        await Step(ids[0], RequestAction.Reopen, "Vatandaş tekrar aradı.");
        await Step(ids[4], RequestAction.Reopen, "Eksik kaldı.");
        await AssertCellsMatchRebuild(world.Database.Create);

        // A correction made outside the workflow (another neighbourhood) moves the request's counts too.
        await using (var db = world.Database.Create(UserContext.System))
        {
            var r = await db.Requests.SingleAsync(x => x.Id == ids[1]);
            r.NeighbourhoodId = world.NeighbourhoodId("Merkez");
            await db.SaveChangesAsync();
        }
        await AssertCellsMatchRebuild(world.Database.Create);

        // Handed to an outside body (no longer resolved here): counted apart, its resolution time leaves its bucket.
        await using (var db = world.Database.Create(UserContext.System))
        {
            var r = await db.Requests.SingleAsync(x => x.Id == ids[3]);
            (r.Status, r.ResolutionMinutes, r.ResolvedInTime, r.ResolvedAt) = (RequestStatus.DisKurumaYonlendirildi, null, null, null);
            await db.SaveChangesAsync();
        }
        await AssertCellsMatchRebuild(world.Database.Create);
        await using (var db = world.Database.Create(UserContext.System))
            Assert.True(await db.Set<RequestStatisticsCell>().AnyAsync(c => c.Scope == 0 && c.Forwarded == 1));
    }

    [Fact]
    public async Task Sqlite_two_saves_at_once_on_the_same_cells_both_count()
    {
        using var database = ProviderTestDatabase.SqliteFile();
        await SavesAtOnceBothCount(database.Factory, database.Create);
    }

    [PostgresFact]
    public async Task Postgres_two_saves_at_once_on_the_same_cells_both_count()
    {
        using var database = ProviderTestDatabase.Postgres();
        await SavesAtOnceBothCount(database.Factory, database.Create);
    }

    /// <summary>Pairs of requests of one cell resolved (then reopened) at the same moment, each in its own context.</summary>
    private static async Task SavesAtOnceBothCount(Func<UserContext, IDbContextFactory<IntranetDbContext>> factory, Func<UserContext, IntranetDbContext> create)
    {
        var ids = new List<int>();
        await using (var db = create(UserContext.System))
        {
            var fen = new Directorate { Name = "Fen İşleri Müdürlüğü", Code = "FEN" };
            var merkez = new Neighbourhood { Name = "Merkez" };
            var yol = new Category { Name = "Yol Bakım", DefaultDirectorate = fen, WaitingTime = 3 };
            db.AddRange(fen, merkez, yol);
            await db.SaveChangesAsync();
            for (var i = 0; i < 20; i++)
            {
                var at = Now.AddDays(-3).AddMinutes(-37 * i);
                var request = new Request
                {
                    Number = $"2026-{i + 1:D6}", Year = 2026, Sequence = i + 1, Text = "Yol çöktü.", Type = RequestType.Sikayet, Channel = RequestChannel.Web,
                    Status = RequestStatus.Islemde, DirectorateId = fen.Id, NeighbourhoodId = merkez.Id, CategoryId = yol.Id,
                    CreatedAt = at, CreatedOn = IstanbulTime.Today(at), UpdatedAt = at, DueAt = Now, AnswerDueAt = Now,
                };
                db.Requests.Add(request);
                await db.SaveChangesAsync();
                ids.Add(request.Id);
            }
        }
        var calendars = new WorkingCalendarProvider(_ => Task.FromResult(TurkishHolidays.Shipped().ToList()));
        var service = new RequestService(factory(UserContext.System), new FixedCurrentUser(UserContext.System), calendars, new DeadlineOptions(),
            new RecordingChangeFeed(), new FixedClock(Now));
        async Task AtOnce(RequestAction action, string note)
        {
            foreach (var pair in ids.Chunk(2))
            {
                var versions = new List<Guid>();
                foreach (var id in pair) versions.Add(await VersionOf(create, id));
                await Task.WhenAll(pair.Zip(versions).Select(p => Task.Run(() => service.ApplyAsync(new RequestStep(p.First, p.Second, action, note)))));
            }
        }

        await AtOnce(RequestAction.Resolve, "Onarıldı.");
        await AssertCellsMatchRebuild(create);
        await AtOnce(RequestAction.Reopen, "Yeniden bozuldu.");
        await AssertCellsMatchRebuild(create);
    }

    private static async Task<Guid> VersionOf(Func<UserContext, IntranetDbContext> create, int id)
    {
        await using var db = create(UserContext.System);
        return await db.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
    }

    private static Task<PagedResult<RequestListRow>> List(Func<UserContext, IDbContextFactory<IntranetDbContext>> factory, UserContext user, RequestFilter filter) =>
        new RequestQueries(factory(user), new FixedCurrentUser(user), new FixedClock(Now)).ListAsync(filter, new RequestPage());

    private static async Task<int> FirstNeighbourhood(Func<UserContext, IDbContextFactory<IntranetDbContext>> factory)
    {
        await using var db = await factory(UserContext.System).CreateDbContextAsync();
        return await db.Requests.OrderBy(r => r.Id).Select(r => r.NeighbourhoodId).FirstAsync();
    }

    private static RequestStatistics Statistics(Func<UserContext, IDbContextFactory<IntranetDbContext>> factory, UserContext user, bool cells = true) =>
        new(factory(user), new FixedCurrentUser(user), new FixedClock(Now)) { UseCells = cells };

    /// <summary>The cells as they are, then rebuilt from the requests: the same, bucket by bucket.</summary>
    private static async Task AssertCellsMatchRebuild(Func<UserContext, IntranetDbContext> create)
    {
        var kept = await ReadCells(create);
        await using (var db = create(UserContext.System)) await RequestStatisticsCells.RebuildAsync(db);
        var rebuilt = await ReadCells(create);
        Assert.NotEmpty(rebuilt);
        Assert.Equal(rebuilt, kept);
    }

    private static async Task<SortedDictionary<string, string>> ReadCells(Func<UserContext, IntranetDbContext> create)
    {
        await using var db = create(UserContext.System);
        var cells = await db.Set<RequestStatisticsCell>().AsNoTracking().ToListAsync();
        // A cell emptied by a re-route stays behind with nothing in it; a rebuild does not make it.
        return new SortedDictionary<string, string>(cells.Where(c => c.Total != 0 || c.Histogram.Length > 0).ToDictionary(
            c => $"{c.Scope}/{c.Dimension}/{c.Month:yyyy-MM}/{c.Key}",
            c => $"{c.Total} F{c.Forwarded}: " + string.Join(" ", HistogramCodec.Decode(c.Histogram).Select(b => $"{b.Bucket}×{b.Count}({b.InTime}) {b.Min}-{b.Max}"))
                 + " due " + string.Join(" ", DueDayCodec.Decode(c.OpenDue).Select(d => $"{d.Key}×{d.Value}"))), StringComparer.Ordinal);
    }

    private static void AssertSame(RequestStatisticsResult expected, RequestStatisticsResult actual, string what)
    {
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{what}: {actual.Rows.Count} lines instead of {expected.Rows.Count}");
        foreach (var (e, a) in expected.Rows.Append(expected.Total).Zip(actual.Rows.Append(actual.Total)))
        {
            Assert.True((e.Key, e.Name, e.Total, e.Open, e.Resolved, e.Overdue, e.Forwarded) == (a.Key, a.Name, a.Total, a.Open, a.Resolved, a.Overdue, a.Forwarded), $"{what}: {a} instead of {e}");
            foreach (var (x, y) in new[] { (e.MedianResolutionHours, a.MedianResolutionHours), (e.P90ResolutionHours, a.P90ResolutionHours), (e.ShareWithinDeadline, a.ShareWithinDeadline) })
                Assert.True(x == y || (x is { } u && y is { } v && Math.Abs(u - v) < 1e-9), $"{what}: {a} instead of {e}");
        }
    }
}
