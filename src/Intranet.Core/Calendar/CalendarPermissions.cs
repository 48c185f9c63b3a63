using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Calendar;

/// <summary>
/// Who sees and edits which events. Everyone with the calendar sees public events; internal ones only their
/// directorate and those who see every directorate. Admin and the mayor's office edit everything; directors and
/// staff their own directorate's events; the press office reads only.
/// </summary>
public static class CalendarPermissions
{
    public static bool CanRead(UserContext user) => Policies.Allows(Policies.Calendar, user);

    public static bool CanView(UserContext user, bool isPublic, int? directorateId) =>
        CanRead(user) && (isPublic || user.SeesAllDirectorates || (directorateId is not null && directorateId == user.DirectorateId));

    public static bool EditsEverything(UserContext user) =>
        user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.MayorOffice);

    /// <summary>Whether the user may create, change or delete an event owned by this directorate.</summary>
    public static bool CanEdit(UserContext user, int? directorateId) =>
        EditsEverything(user)
        || ((user.IsInRole(Roles.Director) || user.IsInRole(Roles.Staff)) && directorateId is not null && directorateId == user.DirectorateId);

    /// <summary>Whether the user may add events at all (a director or staff member needs a directorate first).</summary>
    public static bool CanCreate(UserContext user) => CanEdit(user, EditsEverything(user) ? null : user.DirectorateId);

    public static IQueryable<CalendarEvent> VisibleTo(this IQueryable<CalendarEvent> events, UserContext user)
    {
        if (!CanRead(user)) return events.Where(_ => false);
        if (user.SeesAllDirectorates) return events;
        var directorate = user.DirectorateId;
        return events.Where(e => e.IsPublic || (directorate != null && e.DirectorateId == directorate));
    }

    public static IQueryable<CalendarEvent> Matching(this IQueryable<CalendarEvent> events, CalendarFilter filter)
    {
        if (filter.DirectorateId is { } dir) events = events.Where(e => e.DirectorateId == dir);
        if (filter.Types is { Count: > 0 } types) events = events.Where(e => types.Contains(e.Type));
        if (filter.MayorOnly) events = events.Where(e => e.MayorAttends);
        return events;
    }

    /// <summary>One-off events that overlap the range, and series that started before its end and have not ended before it.</summary>
    public static IQueryable<CalendarEvent> InRange(this IQueryable<CalendarEvent> events, DateTime fromUtc, DateTime toUtc) =>
        events.Where(e => e.StartsAt < toUtc
                          && ((e.RecurrenceRule == null && e.EndsAt > fromUtc)
                              || (e.RecurrenceRule != null && (e.RecurrenceEndsAt == null || e.RecurrenceEndsAt > fromUtc))));
}
