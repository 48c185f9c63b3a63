using Intranet.Core.Calendar;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Seeding;

/// <summary>
/// The calendar feature's demo additions: the mayor's monthly public day (first Monday, a year long), so the demo
/// shows a series with an end beside the weekly muhtar meeting that never ends.
/// </summary>
internal static class DemoCalendar
{
    public static async Task SeedAsync(IntranetDbContext db, IReadOnlyDictionary<string, Directorate> directorates, DateTime now, CancellationToken ct)
    {
        var local = DemoClock.ToIstanbul(now);
        var month = new DateTime(local.Year, local.Month, 1);
        var firstMonday = month.AddDays(((int)DayOfWeek.Monday - (int)month.DayOfWeek + 7) % 7).AddHours(9);
        var start = DemoClock.FromIstanbul(firstMonday);
        var series = new CalendarEvent
        {
            Title = "Başkanla Halk Buluşması", Type = EventType.MahalleZiyareti, DirectorateId = directorates["OZK"].Id,
            Place = "Belediye Hizmet Binası, Halk Salonu", StartsAt = start, EndsAt = start.AddHours(2), MayorAttends = true,
            RecurrenceRule = "FREQ=MONTHLY;BYDAY=1MO;COUNT=12",
        };
        series.RecurrenceEndsAt = RecurrenceExpander.LastEnd(series.StartsAt, series.EndsAt, series.RecurrenceRule, null);
        db.CalendarEvents.Add(series);
        await db.SaveChangesAsync(ct);
    }
}
