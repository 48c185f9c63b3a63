using Intranet.Core.Calendar;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>
/// The one place where a visit or a muhtar meeting becomes an event on the municipal calendar. It writes a plain
/// <see cref="CalendarEvent"/> in the visit's own unit of work (so the visit and its event are saved together); the
/// caller publishes <see cref="Common.ChangeTopic.Calendar"/> after the save. When the calendar feature's own service
/// exists, this method is the single call to point at it.
/// </summary>
public static class VisitCalendar
{
    public static async Task ApplyAsync(IntranetDbContext db, MuhtarVisit visit, IReadOnlyList<string> neighbourhoodNames,
        IReadOnlyList<string> muhtarNames, int? muhtarlikDirectorateId, CancellationToken ct)
    {
        var calendarEvent = visit.CalendarEventId is { } id ? await db.CalendarEvents.SingleOrDefaultAsync(e => e.Id == id, ct) : null;
        if (calendarEvent is null)
        {
            calendarEvent = new CalendarEvent { Title = "" };
            db.CalendarEvents.Add(calendarEvent);
            visit.CalendarEvent = calendarEvent;
        }
        calendarEvent.Title = visit.Title;
        calendarEvent.Type = visit.Kind == VisitKind.MahalleZiyareti ? EventType.MahalleZiyareti : EventType.MuhtarToplantisi;
        calendarEvent.DirectorateId = muhtarlikDirectorateId;
        calendarEvent.Place = visit.Place ?? string.Join(", ", neighbourhoodNames.Select(n => $"{n} Mahallesi"));
        calendarEvent.NeighbourhoodId = visit.Neighbourhoods.Count == 1 ? visit.Neighbourhoods[0].NeighbourhoodId : null;
        calendarEvent.StartsAt = visit.StartsAt;
        calendarEvent.EndsAt = visit.EndsAt;
        calendarEvent.MayorAttends = visit.MayorAttends;
        calendarEvent.IsPublic = true;
        calendarEvent.Guests = muhtarNames.Count == 0 ? null : "Muhtarlar: " + string.Join(", ", muhtarNames);
    }
}
