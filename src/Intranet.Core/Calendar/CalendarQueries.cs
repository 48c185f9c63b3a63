using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

/// <summary>
/// One occurrence on the calendar. <see cref="OccurrenceStart"/> names it within its series (the start the rule gives
/// it), which is what "edit only this one" refers to; for a one-off event it equals <see cref="StartsAt"/>.
/// </summary>
public sealed record CalendarOccurrence(
    int EventId, DateTime OccurrenceStart, DateTime StartsAt, DateTime EndsAt, string Title, EventType Type, int? DirectorateId,
    string? Directorate, string? Place, bool AllDay, bool IsPublic, bool MayorAttends, bool IsSeries, bool IsDetached, bool CanEdit, Guid Version);

public sealed record HolidayDay(DateOnly Date, string Name, bool IsHalfDay);

/// <summary>The read side of the calendar: occurrences of a range expanded from their rules, holidays, one event's details.</summary>
public sealed class CalendarQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>A visible range longer than this is refused: FullCalendar asks for at most six weeks, the agenda for a few months.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    private UserContext User => currentUser.User;

    public async Task<IReadOnlyList<CalendarOccurrence>> OccurrencesAsync(DateTime fromUtc, DateTime toUtc, CalendarFilter? filter = null, CancellationToken ct = default)
    {
        if (!CalendarPermissions.CanRead(User)) throw new AccessDeniedException();
        if (toUtc <= fromUtc || toUtc - fromUtc > MaxRange) throw new ValidationException("Takvim aralığı geçersiz.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, db.CalendarEvents.VisibleTo(User).Matching(filter ?? CalendarFilter.All), fromUtc, toUtc, User, ct);
    }

    /// <summary>Today's occurrences (Istanbul day) the user may see: the dashboard's card.</summary>
    public Task<IReadOnlyList<CalendarOccurrence>> TodayAsync(CancellationToken ct = default)
    {
        var start = IstanbulTime.ToUtc(IstanbulTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date);
        return OccurrencesAsync(start, start.AddDays(1), null, ct);
    }

    /// <summary>
    /// Expands the events the query selects within the range, with directorate names and the user's edit right.
    /// Shared by every reader (calendar, dashboard, wall, feeds, monthly programme) so they agree on what happens when.
    /// </summary>
    internal static async Task<IReadOnlyList<CalendarOccurrence>> LoadAsync(IntranetDbContext db, IQueryable<CalendarEvent> query,
        DateTime fromUtc, DateTime toUtc, UserContext user, CancellationToken ct)
    {
        var events = await query.InRange(fromUtc, toUtc).AsNoTracking().ToListAsync(ct);
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return events
            .SelectMany(e => RecurrenceExpander.Expand(e, fromUtc, toUtc).Select(o => new CalendarOccurrence(
                e.Id, o.StartsAt, o.StartsAt, o.EndsAt, e.Title, e.Type, e.DirectorateId,
                e.DirectorateId is { } d ? directorates.GetValueOrDefault(d) : null, e.Place, e.AllDay, e.IsPublic, e.MayorAttends,
                e.RecurrenceRule is not null, e.SeriesId is not null, CalendarPermissions.CanEdit(user, e.DirectorateId), e.Version)))
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Title, TurkishText.Comparer)
            .ToList();
    }

    /// <summary>The event behind an occurrence, for the edit dialog; null when it is gone or not the user's to see.</summary>
    public async Task<CalendarEvent?> EventAsync(int id, CancellationToken ct = default)
    {
        if (!CalendarPermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarEvents.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(e => e.Id == id, ct);
    }

    /// <summary>Public holidays and half-day eves (arife) in the range, from the holiday table Admin keeps.</summary>
    public async Task<IReadOnlyList<HolidayDay>> HolidaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (!CalendarPermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
            .Select(h => new HolidayDay(h.Date, h.Name, h.IsHalfDay)).ToListAsync(ct);
    }
}

public static class EventTypeText
{
    public static string Name(this EventType type) => type switch
    {
        EventType.Toren => "Tören",
        EventType.Acilis => "Açılış",
        EventType.MilliGun => "Millî gün",
        EventType.KulturelEtkinlik => "Kültürel etkinlik",
        EventType.MahalleZiyareti => "Mahalle ziyareti",
        EventType.MuhtarToplantisi => "Muhtar toplantısı",
        EventType.BasinToplantisi => "Basın toplantısı",
        EventType.BaskanRandevusu => "Başkan randevusu",
        EventType.Meclis => "Meclis",
        _ => type.ToString(),
    };

    /// <summary>
    /// The type's colour on the calendar, its legend and the monthly programme; each passes 4.5:1 against white
    /// text (WCAG AA), which the event blocks use.
    /// </summary>
    public static string Colour(this EventType type) => type switch
    {
        EventType.Toren => "#5b3a8c",
        EventType.Acilis => "#1b6e20",
        EventType.MilliGun => "#b3261e",
        EventType.KulturelEtkinlik => "#8a4b00",
        EventType.MahalleZiyareti => "#00695c",
        EventType.MuhtarToplantisi => "#37474f",
        EventType.BasinToplantisi => "#ad1457",
        EventType.BaskanRandevusu => "#0b4f8a",
        EventType.Meclis => "#4e342e",
        _ => "#424242",
    };
}
