using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Press;
using Intranet.Core.Press.Feeds;
using Intranet.Core.Seeding;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Press;

/// <summary>
/// The demo municipality (with its press demo data, no requests) on a private SQLite database, and the press services
/// wired as the app wires them, acting as any demo user. Feeds come from a <see cref="FeedServer"/> the test starts.
/// </summary>
public sealed class PressWorld : IDisposable
{
    public SqliteFileDatabase Database { get; } = new();
    public TestClock Clock { get; } = new(TestClock.SuiteStart);
    public RecordingChangeFeed Changes { get; } = new();

    /// <summary>Short timeouts and waits, so slow and failing feeds cost the test little.</summary>
    public PressOptions Options { get; set; } = new()
    {
        RequestTimeoutSeconds = 1.5, Retries = 1, RetryDelaySeconds = 0.05, MaxFeedBytes = 256 * 1024, MaxParallelPolls = 4,
    };

    public PressWorld()
    {
        Database.Clock = Clock;
        using var db = Database.Create(UserContext.System);
        DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 0 }, CancellationToken.None).GetAwaiter().GetResult();
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public UserContext As(string objectId)
    {
        using var db = Database.Create(UserContext.System);
        var u = db.Users.Include(x => x.Directorate).Single(x => x.ObjectId == objectId);
        return new UserContext(u.Id, u.ObjectId, u.DisplayName, u.RoleList().ToHashSet(), u.DirectorateId, u.Directorate?.IsScreeningDesk == true);
    }

    public UserContext Press => As("demo-basin");
    public UserContext MayorOffice => As("demo-ozk-1");

    public PressPoller Poller(PressOptions? options = null)
    {
        var o = options ?? Options;
        return new PressPoller(Database.Factory(UserContext.System), new FeedFetcher(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, o), Changes, Clock, o);
    }

    public PressService Service(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Changes, Clock);
    public PressQueries Queries(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user));
    public PressSourceService Sources(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Poller(), Clock);
    public PressDigest Digest(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Options);
    public PressStatistics Statistics(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Clock);
    public JournalistService Journalists(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Clock);
    public PressReleaseService Releases(UserContext user, IEmailSender email) => new(Database.Factory(user), new FixedCurrentUser(user), email, Changes, Clock);

    public PressDigestSender DigestSender(IEmailSender email) =>
        new(Database.Factory(UserContext.System), email, Options, "https://intranet.kagithane.example");

    /// <summary>A feed source for the test; polled at once when asked.</summary>
    public async Task<int> AddSourceAsync(string name, string? url, int pollMinutes = 15)
    {
        await using var db = Database.Create(UserContext.System);
        var source = new PressSource { Name = name, Kind = PressSourceKind.WebSitesi, FeedUrl = url, PollMinutes = pollMinutes };
        db.PressSources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    public async Task<PressSource> SourceAsync(int id)
    {
        await using var db = Database.Create(UserContext.System);
        return await db.PressSources.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    public async Task<List<PressClipping>> ClippingsOfAsync(int sourceId)
    {
        await using var db = Database.Create(UserContext.System);
        return await db.PressClippings.AsNoTracking().Where(c => c.SourceId == sourceId).OrderBy(c => c.Id).ToListAsync();
    }

    public int DirectorateId(string code)
    {
        using var db = Database.Create(UserContext.System);
        return db.Directorates.Single(d => d.Code == code).Id;
    }

    public void Dispose() => Database.Dispose();
}
