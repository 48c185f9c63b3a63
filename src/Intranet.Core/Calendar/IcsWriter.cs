using System.Text;
using System.Text.RegularExpressions;
using Intranet.Core.Common;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Intranet.Core.Calendar;

/// <summary>An event with the names its .ics entry shows.</summary>
public sealed record IcsEntry(CalendarEvent Event, string? Directorate);

/// <summary>
/// Writes events as RFC 5545 iCalendar with Ical.Net: times in Europe/Istanbul (TZID with its VTIMEZONE), whole days as
/// DATE values, series as one VEVENT with RRULE and EXDATE (a detached occurrence is its own VEVENT), so Outlook and
/// phones expand them the way the intranet does.
/// </summary>
public static partial class IcsWriter
{
    public const string UidDomain = "belediye-intranet";

    public static string Uid(int eventId) => $"etkinlik-{eventId}@{UidDomain}";

    public static string Write(string calendarName, IEnumerable<IcsEntry> entries, DateTime nowUtc)
    {
        var calendar = new IcalCalendar { ProductId = "-//Belediye İntranet//Takvim//TR" };
        calendar.AddTimeZone(RecurrenceExpander.Zone);
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", RecurrenceExpander.Zone);
        foreach (var entry in entries) calendar.Events.Add(ToVEvent(entry, nowUtc));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static IcalEvent ToVEvent(IcsEntry entry, DateTime nowUtc)
    {
        var e = entry.Event;
        var vevent = new IcalEvent
        {
            Uid = Uid(e.Id),
            Summary = e.Title,
            DtStart = Time(e.StartsAt, e.AllDay),
            DtEnd = Time(e.EndsAt, e.AllDay),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), "UTC", true),
            Location = e.Place,
            Description = Description(entry),
            Class = e.IsPublic ? "PUBLIC" : "CONFIDENTIAL",
        };
        vevent.Categories.Add(e.Type.Name());
        if (e.RecurrenceRule is { } rule)
        {
            vevent.RecurrenceRule = new RecurrenceRule(e.AllDay ? UntilAsDate(rule) : rule);
            foreach (var ex in RecurrenceExpander.ParseExceptions(e.ExceptionDates)) vevent.ExceptionDates.Add(Time(ex, e.AllDay));
        }
        return vevent;
    }

    private static CalDateTime Time(DateTime utc, bool allDay) =>
        allDay ? new CalDateTime(IstanbulTime.Today(utc)) : RecurrenceExpander.Local(utc);

    private static string Description(IcsEntry entry)
    {
        var e = entry.Event;
        var text = new StringBuilder($"Tür: {e.Type.Name()}");
        if (entry.Directorate is { } d) text.Append($"\nDüzenleyen: {d}");
        if (e.MayorAttends) text.Append("\nBelediye Başkanı katılıyor.");
        if (e.ProtocolNotes is { } notes) text.Append($"\nProtokol: {notes}");
        if (e.Guests is { } guests) text.Append($"\nDavetliler: {guests}");
        return text.ToString();
    }

    /// <summary>With a DATE start, UNTIL must be a DATE too (RFC 5545 3.3.10): the Istanbul day of the stored UTC bound.</summary>
    private static string UntilAsDate(string rule) => UntilUtc().Replace(rule, m =>
    {
        var utc = DateTime.ParseExact(m.Groups[1].Value, "yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return $"UNTIL={IstanbulTime.Today(DateTime.SpecifyKind(utc, DateTimeKind.Utc)):yyyyMMdd}";
    });

    [GeneratedRegex(@"UNTIL=(\d{8}T\d{6})Z")]
    private static partial Regex UntilUtc();
}
