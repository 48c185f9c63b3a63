using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Intranet.Tests.Seeding;

public sealed class DemoSeederTests : IDisposable
{
    // A fixed clock keeps the generated data identical from run to run.
    private static readonly DateTime Now = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
    private const int RequestCount = 1200;

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public DemoSeederTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    private IntranetDbContext NewContext()
    {
        var db = new IntranetDbContext(new DbContextOptionsBuilder<IntranetDbContext>().UseSqlite(_connection).Options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
        db.Database.EnsureCreated();
        return db;
    }

    // A small batch size so the tests cross several batches, as a bulk seed does.
    private async Task SeedAsync() =>
        await DemoSeeder.SeedAsync(NewContext(), new DemoSeedOptions { RequestCount = RequestCount, BatchSize = 500, NowUtc = Now }, CancellationToken.None);

    [Fact]
    public async Task Seeds_the_reference_data_of_Kagithane()
    {
        await SeedAsync();
        using var db = NewContext();

        Assert.Equal(19, await db.Neighbourhoods.CountAsync());
        Assert.Contains(await db.Neighbourhoods.ToListAsync(), n => n.Name == "Şirintepe" && n.SearchKey == "sirintepe");
        var muhtars = await db.Set<Intranet.Core.Muhtars.Muhtar>().ToListAsync();
        Assert.Equal(19, muhtars.Count(m => m.TermEnd == null));
        Assert.All(muhtars, m => Assert.Equal(m.Phone, PhoneNumber.Normalize(m.Phone)));
        Assert.Equal(15, await db.Directorates.CountAsync());
        Assert.Equal("HALK", (await db.Directorates.SingleAsync(d => d.IsScreeningDesk)).Code);

        var directorateIds = await db.Directorates.Select(d => d.Id).ToListAsync();
        var categories = await db.Categories.ToListAsync();
        Assert.True(categories.Count >= 40, $"only {categories.Count} categories");
        Assert.All(categories, c =>
        {
            Assert.Contains(c.DefaultDirectorateId, directorateIds);
            Assert.Equal(TurkishText.Fold(c.Name), c.SearchKey);
            Assert.InRange(c.AnswerWithinDays, 2, 7);
        });
        Assert.Equal(Enum.GetValues<WaitingTimeUnit>().Length, categories.Select(c => c.WaitingTimeUnit).Distinct().Count());
    }

    [Fact]
    public async Task Seeds_a_demo_user_for_every_role()
    {
        await SeedAsync();
        using var db = NewContext();

        var users = await db.Users.ToListAsync();
        foreach (var role in Roles.All)
            Assert.Contains(users, u => u.RoleList().Contains(role));
        Assert.All(users, u => Assert.True(u.IsDemo && u.ObjectId.StartsWith("demo-", StringComparison.Ordinal)));
        Assert.Contains(users, u => u.ObjectId == "demo-admin");
        Assert.Contains(users, u => u.ObjectId == "demo-fen-mudur");
    }

    [Fact]
    public async Task Seeds_the_requested_number_of_consistent_requests()
    {
        await SeedAsync();
        using var db = NewContext();

        var requests = await db.Requests.AsNoTracking().ToListAsync();
        Assert.Equal(RequestCount, requests.Count);
        Assert.Equal(RequestCount, requests.Select(r => r.Number).Distinct().Count());
        Assert.Equal(RequestCount, requests.Select(r => (r.Year, r.Sequence)).Distinct().Count());

        var categories = await db.Categories.ToDictionaryAsync(c => c.Id);
        var istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
        Assert.All(requests, r =>
        {
            Assert.Equal($"{r.Year}-{r.Sequence:D6}", r.Number);
            Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.CreatedAt, istanbul)), r.CreatedOn);
            Assert.Equal(categories[r.CategoryId].DefaultDirectorateId, r.DirectorateId);
            Assert.InRange(r.CreatedAt, Now.AddDays(-366), Now);
            Assert.True(r.DueAt > r.CreatedAt);
            var resolved = r.Status is RequestStatus.Cozuldu or RequestStatus.Cevaplandi || (r.Status == RequestStatus.Kapandi && r.RoutedAt is not null);
            Assert.Equal(resolved, r.ResolvedAt is not null);
            Assert.Equal(resolved, r.ResolutionMinutes is not null && r.ResolvedInTime is not null);
            Assert.Equal(r.Status == RequestStatus.Kapandi, r.ClosedAt is not null);
            if (r.ResolvedAt is { } at) Assert.Equal(at <= r.DueAt, r.ResolvedInTime);
        });

        // Every type and channel, old requests mostly finished, recent ones mostly open.
        Assert.Equal(Enum.GetValues<RequestType>().Length, requests.Select(r => r.Type).Distinct().Count());
        Assert.Equal(Enum.GetValues<RequestChannel>().Length, requests.Select(r => r.Channel).Distinct().Count());
        var old = requests.Where(r => r.CreatedAt < Now.AddMonths(-3)).ToList();
        var recent = requests.Where(r => r.CreatedAt > Now.AddDays(-2)).ToList();
        Assert.True(old.Count(r => r.IsOpen) < old.Count / 10, "old requests should be mostly closed");
        Assert.True(recent.Count(r => r.IsOpen) > recent.Count / 2, "recent requests should be mostly open");
        Assert.Contains(requests, r => r.AssigneeId is not null);

        var historyCount = await db.RequestHistory.CountAsync();
        Assert.True(historyCount >= RequestCount, "every request has at least its intake step");
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Every_generated_tc_kimlik_no_is_valid()
    {
        await SeedAsync();
        using var db = NewContext();

        var numbers = await db.Citizens.Where(c => c.TcKimlikNo != null).Select(c => c.TcKimlikNo).ToListAsync();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(TcKimlikNo.IsValid(n), n));
        Assert.All(await db.Citizens.Where(c => c.Phone != null).Select(c => c.Phone).ToListAsync(), p => Assert.Equal(p, PhoneNumber.Normalize(p)));
    }

    [Fact]
    public async Task Seeds_press_calendar_appointments_and_performance()
    {
        await SeedAsync();
        using var db = NewContext();

        Assert.Equal(10, await db.PressSources.CountAsync());
        Assert.Equal(200, await db.PressClippings.CountAsync());
        var events = await db.CalendarEvents.ToListAsync();
        Assert.InRange(events.Count, 25, 40);
        Assert.Equal(Enum.GetValues<Intranet.Core.Calendar.EventType>().Length, events.Select(e => e.Type).Distinct().Count());
        Assert.Contains(events, e => e.MayorAttends);
        var appointments = await db.Appointments.ToListAsync();
        Assert.All(Enum.GetValues<Intranet.Core.Calendar.AppointmentStatus>(), s => Assert.Equal(8, appointments.Count(a => a.Status == s)));
        var plan = await db.StrategicPlans.SingleAsync();
        Assert.Equal((2025, 2029), (plan.StartYear, plan.EndYear));
        Assert.Equal(6, await db.StrategicGoals.CountAsync());
        Assert.Equal(15, await db.PerformanceIndicators.CountAsync());
        Assert.Equal(15 * 5, await db.IndicatorTargets.CountAsync());
        Assert.Equal(5, await db.PerformanceIndicators.CountAsync(i => i.Computed != Intranet.Core.Performance.ComputedKind.None));
        // Quarters that ended before the clock are reported; those ended over a month ago are approved.
        var actuals = await db.IndicatorActuals.ToListAsync();
        Assert.Contains(actuals, a => a is { Year: 2026, Period: 3, Status: Intranet.Core.Performance.ActualStatus.Onaylandi });
        Assert.DoesNotContain(actuals, a => a is { Year: 2026, Period: 4 });
        Assert.Contains(await db.Users.ToListAsync(), u => u.ObjectId == "demo-strat-mudur" && u.RoleList().Contains(Roles.Director));
    }

    [Fact]
    public async Task Seeding_twice_does_not_duplicate()
    {
        await SeedAsync();
        await SeedAsync();
        using var db = NewContext();

        Assert.Equal(15, await db.Directorates.CountAsync());
        Assert.Equal(19, await db.Neighbourhoods.CountAsync());
        Assert.Equal(RequestCount, await db.Requests.CountAsync());
        Assert.Equal(200, await db.PressClippings.CountAsync());
    }

    [Fact]
    public async Task SeedRequestsAsync_appends_and_continues_numbering()
    {
        await SeedAsync();
        Dictionary<int, int> maxBefore;
        using (var db = NewContext())
            maxBefore = await db.Requests.GroupBy(r => r.Year).Select(g => new { g.Key, Max = g.Max(r => r.Sequence) }).ToDictionaryAsync(x => x.Key, x => x.Max);

        using (var db = NewContext())
            Assert.Equal(300, await DemoSeeder.SeedRequestsAsync(db, 300, batchSize: 128, nowUtc: Now));

        using var check = NewContext();
        var requests = await check.Requests.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(RequestCount + 300, requests.Count);
        Assert.Equal(requests.Count, requests.Select(r => r.Number).Distinct().Count());
        Assert.All(requests.Skip(RequestCount), r => Assert.True(r.Sequence > maxBefore.GetValueOrDefault(r.Year), r.Number));
        foreach (var year in requests.GroupBy(r => r.Year))
            Assert.Equal(Enumerable.Range(1, year.Count()), year.Select(r => r.Sequence).Order());
    }
}
