using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Infrastructure;

/// <summary>A clock the test sets.</summary>
/// <summary>
/// The demo municipality (no requests) on a private SQLite database, with the request services wired as the app
/// wires them, acting as any demo user.
/// </summary>
public sealed class RequestWorld : IDisposable
{
    public SqliteTestDatabase Database { get; }
    public TestClock Clock { get; } = new(TestClock.SuiteStart);
    public RecordingChangeFeed Changes { get; } = new();
    private readonly WorkingCalendarProvider _calendars;

    /// <param name="database">A database of the test's choosing (e.g. <see cref="SqliteTestDatabase.OnDisk"/>); in memory by default.</param>
    public RequestWorld(SqliteTestDatabase? database = null)
    {
        Database = database ?? new SqliteTestDatabase();
        // The demo data is generated around the test's clock, so the dates a test asserts on and the seed agree.
        Database.Clock = Clock;
        using var db = Database.Create(UserContext.System);
        DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 0 }, CancellationToken.None).GetAwaiter().GetResult();
        HolidayReferenceData.EnsureAsync(db).GetAwaiter().GetResult();
        _calendars = new WorkingCalendarProvider(_ => Task.FromResult(TurkishHolidays.Shipped().ToList()));
    }

    /// <summary>The demo user with this object id, as the sign-in would present them.</summary>
    public UserContext As(string objectId)
    {
        using var db = Database.Create(UserContext.System);
        var u = db.Users.Include(x => x.Directorate).Single(x => x.ObjectId == objectId);
        return new UserContext(u.Id, u.ObjectId, u.DisplayName, u.RoleList().ToHashSet(), u.DirectorateId, u.Directorate?.IsScreeningDesk == true);
    }

    public RequestService Service(UserContext user) =>
        new(Database.Factory(user), new FixedCurrentUser(user), _calendars, new DeadlineOptions(), Changes, Clock);

    /// <summary>The service with citizen replies going out through the given senders.</summary>
    public RequestService Service(UserContext user, Intranet.Core.Notifications.IEmailSender email, Intranet.Core.Notifications.ISmsSender sms) =>
        new(Database.Factory(user), new FixedCurrentUser(user), _calendars, new DeadlineOptions(), Changes, Clock,
            new CitizenReplySender(Database.Factory(user), new FixedCurrentUser(user), email, sms));

    public RequestQueries Queries(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Clock);

    public RequestDetails Details(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Clock);

    /// <summary>The request's current version, as a page that just loaded it would hold.</summary>
    public async Task<Guid> VersionOf(int requestId)
    {
        await using var db = Database.Create(UserContext.System);
        return await db.Requests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync();
    }

    public int DirectorateId(string code)
    {
        using var db = Database.Create(UserContext.System);
        return db.Directorates.Single(d => d.Code == code).Id;
    }

    public int NeighbourhoodId(string name)
    {
        using var db = Database.Create(UserContext.System);
        return db.Neighbourhoods.Single(n => n.Name == name).Id;
    }

    /// <summary>A category whose default directorate has this code.</summary>
    public Category CategoryOf(string directorateCode)
    {
        using var db = Database.Create(UserContext.System);
        return db.Categories.Include(c => c.DefaultDirectorate).First(c => c.DefaultDirectorate!.Code == directorateCode);
    }

    public IntakeForm PhoneCall(string directorateCode = "FEN", string neighbourhood = "Çağlayan") => new()
    {
        Channel = RequestChannel.CagriMerkezi,
        Type = RequestType.Sikayet,
        CitizenName = "Şükrü Işıkçı",
        Phone = "0532 111 22 33",
        NeighbourhoodId = NeighbourhoodId(neighbourhood),
        CategoryId = CategoryOf(directorateCode).Id,
        Text = "Sokağımızdaki çukur iki haftadır kapatılmadı, araçlar zarar görüyor.",
        Address = "Gültepe Cad. No: 12",
    };

    public void Dispose() => Database.Dispose();
}

/// <summary>A change feed that remembers what was published and still delivers it to subscribers.</summary>
public sealed class RecordingChangeFeed : IChangeFeed
{
    private readonly InProcessChangeFeed _inner = new();

    public System.Collections.Concurrent.ConcurrentQueue<ChangeTopic> Published { get; } = new();
    public System.Collections.Concurrent.ConcurrentQueue<ChangeEvent> PublishedEvents { get; } = new();

    public void Publish(ChangeTopic topic) => Publish(new ChangeEvent(topic));

    public void Publish(ChangeEvent change)
    {
        Published.Enqueue(change.Topic);
        PublishedEvents.Enqueue(change);
        _inner.Publish(change);
    }

    public IDisposable Subscribe(Action<ChangeTopic> onChange) => _inner.Subscribe(onChange);

    public IDisposable SubscribeEvents(Action<ChangeEvent> onChange) => _inner.SubscribeEvents(onChange);
}
