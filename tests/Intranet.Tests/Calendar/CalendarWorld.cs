using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Calendar;

/// <summary>
/// The demo municipality with an empty calendar (the demo's events sit around the real today, which would make these
/// tests depend on the date they run), the test clock at Wednesday 25 November 2026 10:00 Istanbul, and the calendar
/// services wired as the app wires them, acting as any demo user.
/// </summary>
public sealed class CalendarWorld : IDisposable
{
    private readonly RequestWorld _world = new();
    private readonly WorkingCalendarProvider _calendars = new(_ => Task.FromResult(TurkishHolidays.Shipped().ToList()));

    public CalendarWorld()
    {
        using var db = Database.Create(UserContext.System);
        db.Appointments.ExecuteDelete();
        db.CalendarEvents.Where(e => e.SeriesId != null).ExecuteDelete();
        db.CalendarEvents.ExecuteDelete();
    }

    public SqliteTestDatabase Database => _world.Database;
    public TestClock Clock => _world.Clock;
    public RecordingChangeFeed Changes => _world.Changes;

    public UserContext As(string objectId) => _world.As(objectId);
    public int Directorate(string code) => _world.DirectorateId(code);

    public CalendarService Service(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Changes);
    public CalendarQueries Queries(UserContext user) => new(Database.Factory(user), new FixedCurrentUser(user), Clock);

    public AppointmentService Appointments(UserContext user, IEmailSender? email = null, ISmsSender? sms = null) =>
        new(Database.Factory(user), new FixedCurrentUser(user), _calendars,
            new AppointmentNotifier(email ?? new NotConfiguredEmailSender(), sms ?? new NotConfiguredSmsSender(), Clock), Changes, Clock);

    /// <summary>An event form in Istanbul wall time.</summary>
    public EventForm Form(string title, string directorate, DateTime startLocal, int hours = 1, bool mayor = false, RecurrenceSpec? repeat = null) => new()
    {
        Title = title, DirectorateId = Directorate(directorate), Start = startLocal, End = startLocal.AddHours(hours),
        MayorAttends = mayor, Repeat = repeat ?? RecurrenceSpec.None, Type = EventType.KulturelEtkinlik,
    };

    public async Task<CalendarEvent> EventAsync(int id)
    {
        await using var db = Database.Create(UserContext.System);
        return await db.CalendarEvents.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>The occurrences the user sees in the Istanbul days [from, to).</summary>
    public Task<IReadOnlyList<CalendarOccurrence>> OccurrencesAsync(UserContext user, DateOnly from, DateOnly to, CalendarFilter? filter = null) =>
        Queries(user).OccurrencesAsync(IstanbulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), IstanbulTime.ToUtc(to.ToDateTime(TimeOnly.MinValue)), filter);

    public void Dispose() => _world.Dispose();
}
