using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Intranet.Tests.Correspondence;

/// <summary>
/// Register numbers (and request numbers, the same <see cref="YearlySequence"/>) under concurrent registration:
/// many tasks, each with its own service and contexts, on SQLite (a file, a connection per context) and PostgreSQL.
/// </summary>
public sealed class RegisterNumberTests
{
    private const int Parallel = 40;
    private static readonly TimeProvider Clock = new TestClock(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
    private static readonly UserContext OzelKalem = TestUsers.As(Roles.MayorOffice);

    private static IncomingForm Document(int i) => new()
    {
        DocumentDate = new DateOnly(2026, 11, 24), PartyKind = PartyKind.Kurum, PartyName = $"Kurum {i}", Subject = $"Yazı {i}",
    };

    /// <summary>Registers in parallel and checks the numbers are 1..N, each once, and each entry has its own.</summary>
    private static async Task AssertGapFreeAsync(Func<UserContext, IDbContextFactory<IntranetDbContext>> factory)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(1, Parallel).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (i, await new RegisterService(factory(OzelKalem), new FixedCurrentUser(OzelKalem), Clock).RegisterIncomingAsync(Document(i)));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        await using var db = factory(UserContext.System).CreateDbContext();
        var entries = await db.RegisterEntries.Where(e => e.Year == 2026 && e.Direction == RegisterDirection.Gelen).ToListAsync();
        Assert.Equal(Enumerable.Range(1, Parallel), entries.Select(e => e.Sequence).Order());
        Assert.Equal(Parallel, entries.Select(e => e.Number).Distinct().Count());
        Assert.All(results, r => Assert.Equal($"Yazı {r.i}", entries.Single(e => e.Id == r.Item2.Id).Subject));
        Assert.All(entries, e => Assert.Equal(RegisterText.Format(RegisterDirection.Gelen, 2026, e.Sequence), e.Number));
    }

    [Fact]
    public async Task Concurrent_registrations_on_sqlite_get_unique_gap_free_numbers()
    {
        using var database = SqliteTestDatabase.OnDisk();
        await AssertGapFreeAsync(database.Factory);
    }

    [PostgresFact]
    public async Task Concurrent_registrations_and_intakes_on_postgresql_get_unique_gap_free_numbers()
    {
        var server = TestEnvironment.PostgresConnection
            ?? throw new InvalidOperationException($"CI=true but {TestEnvironment.PostgresVariable} is not set: PostgreSQL was not started.");
        var name = $"intranet_numbers_{Guid.NewGuid():N}";
        var options = (DbContextOptions<IntranetDbContext>)new DbContextOptionsBuilder<IntranetDbContext>()
            .UseProvider(DatabaseProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString).Options;
        IDbContextFactory<IntranetDbContext> Factory(UserContext user) => new PostgresFactory(options, user);
        try
        {
            await using (var db = Factory(UserContext.System).CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 0 }, CancellationToken.None);
                await db.RegisterEntries.ExecuteDeleteAsync();
            }
            await AssertGapFreeAsync(Factory);

            // Requests share the helper: concurrent intakes are numbered 2026-000001 … without a gap.
            UserContext desk;
            IntakeForm form;
            await using (var db = Factory(UserContext.System).CreateDbContext())
            {
                var u = await db.Users.Include(x => x.Directorate).SingleAsync(x => x.ObjectId == "demo-halk-personel-1");
                desk = new UserContext(u.Id, u.ObjectId, u.DisplayName, u.RoleList().ToHashSet(), u.DirectorateId, true);
                form = new IntakeForm
                {
                    HasCitizen = false, Channel = RequestChannel.Web, NeighbourhoodId = (await db.Neighbourhoods.OrderBy(n => n.Id).FirstAsync()).Id,
                    CategoryId = (await db.Categories.OrderBy(c => c.Id).FirstAsync()).Id, Text = "Sokak lambası yanmıyor, akşamları çok karanlık.",
                };
            }
            var calendars = new WorkingCalendarProvider(_ => Task.FromResult(TurkishHolidays.Shipped().ToList()));
            var created = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(() =>
                new RequestService(Factory(desk), new FixedCurrentUser(desk), calendars, new DeadlineOptions(), new RecordingChangeFeed(), Clock).CreateAsync(form))));
            Assert.Equal(Enumerable.Range(1, Parallel).Select(i => RequestNumber.Format(2026, i)), created.Select(c => c.Number).Order());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class PostgresFactory(DbContextOptions<IntranetDbContext> options, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(user), TimeProvider.System);
    }
}
