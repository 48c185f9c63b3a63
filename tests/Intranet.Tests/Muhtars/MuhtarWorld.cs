using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Muhtars;
using Intranet.Core.Notifications;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Muhtars;

/// <summary>
/// The demo municipality of <see cref="RequestWorld"/> (with its demo muhtars) and the muhtar services wired as the
/// app wires them, acting as any demo user, sending through the given senders.
/// </summary>
public sealed class MuhtarWorld : IDisposable
{
    /// <param name="onDisk">A database file with a connection per context, for tests where saves really race.</param>
    public MuhtarWorld(bool onDisk = false) => Requests = new RequestWorld(onDisk ? SqliteTestDatabase.OnDisk() : null);

    public RequestWorld Requests { get; }
    public MuhtarOptions Options { get; } = new();
    private IEmailSender _email = new NotConfiguredEmailSender();
    private ISmsSender _sms = new NotConfiguredSmsSender();

    public TestClock Clock => Requests.Clock;

    public void UseSenders(IEmailSender email, ISmsSender sms)
    {
        _email = email;
        _sms = sms;
    }

    public Intranet.Core.Common.UserContext As(string objectId) => Requests.As(objectId);

    private FixedCurrentUser Current(UserContext user) => new(user);

    public MuhtarMessenger Messenger() => new(_email, _sms, Clock);

    public MuhtarService Registry(UserContext user) => new(Requests.Database.Factory(user), Current(user), Options, Clock);

    public MuhtarTimeline Timeline(UserContext user) => new(Requests.Database.Factory(user), Current(user));

    public AnnouncementService Announcements(UserContext user) => new(Requests.Database.Factory(user), Current(user), Options, Messenger(), Clock);

    public VisitService Visits(UserContext user) => new(Requests.Database.Factory(user), Current(user), Options, Messenger(), Requests.Changes, Clock);

    public VisitIntake Intake(UserContext user) =>
        new(Requests.Database.Factory(user), Current(user), Options, Requests.Service(user), Visits(user), Requests.Changes, Clock);

    public VisitQueries VisitQueries(UserContext user) => new(Requests.Database.Factory(user), Current(user), Options, Clock);

    public NeighbourhoodReportService Reports(UserContext user) => new(Requests.Database.Factory(user), Current(user), Clock);

    public RegisterService Register(UserContext user) => new(Requests.Database.Factory(user), Current(user), Clock);

    public RegisterQueries RegisterQueries(UserContext user) => new(Requests.Database.Factory(user), Current(user), Clock);

    public Intranet.Core.Data.IntranetDbContext Db() => Requests.Database.Create(UserContext.System);

    /// <summary>The muhtar in office today in this mahalle (the demo seeds one per mahalle).</summary>
    public Muhtar CurrentMuhtar(string neighbourhood)
    {
        using var db = Db();
        return db.Muhtars.Include(m => m.Neighbourhood).Single(m => m.Neighbourhood!.Name == neighbourhood && m.TermEnd == null);
    }

    /// <summary>Istanbul wall-clock time in the world's calendar, as the forms take it.</summary>
    public static DateTime Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0);

    public void Dispose() => Requests.Dispose();
}
