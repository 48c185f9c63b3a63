using System.Globalization;
using Intranet.Core.Common;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Intranet.Core.Calendar;

/// <summary>One occurrence of an event: its own start and end in UTC.</summary>
public readonly record struct OccurrenceTime(DateTime StartsAt, DateTime EndsAt)
{
    public bool Overlaps(DateTime fromUtc, DateTime toUtc) => StartsAt < toUtc && EndsAt > fromUtc;
}

/// <summary>
/// Expands RRULEs with Ical.Net in Europe/Istanbul wall time (Ical.Net's own time-zone data, not the server's), so a
/// "every Tuesday 10:00" series stays on Tuesday 10:00 in Istanbul whatever zone the server runs in. Only the part
/// inside the asked range is computed: a never-ending weekly series costs a few occurrences per visible week.
/// </summary>
public static class RecurrenceExpander
{
    public const string Zone = "Europe/Istanbul";
    /// <summary>A guard against a rule that matches nothing (BYMONTHDAY=31 in February only): stop instead of searching forever.</summary>
    private static readonly EvaluationOptions Options = new() { MaxUnmatchedIncrementsLimit = 5000 };

    /// <summary>The event's occurrences that overlap [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static IEnumerable<OccurrenceTime> Expand(CalendarEvent e, DateTime fromUtc, DateTime toUtc) =>
        Expand(e.StartsAt, e.EndsAt, e.RecurrenceRule, e.ExceptionDates, fromUtc, toUtc);

    public static IEnumerable<OccurrenceTime> Expand(DateTime startsAt, DateTime endsAt, string? rule, string? exceptionDates, DateTime fromUtc, DateTime toUtc)
    {
        var duration = endsAt - startsAt;
        if (string.IsNullOrWhiteSpace(rule))
        {
            var single = new OccurrenceTime(startsAt, endsAt);
            if (single.Overlaps(fromUtc, toUtc)) yield return single;
            yield break;
        }
        var series = Series(startsAt, endsAt, rule, exceptionDates);
        // Ical.Net returns occurrences that overlap its start, so beginning at fromUtc already includes one in progress.
        var from = Local(fromUtc < startsAt ? startsAt : fromUtc);
        foreach (var occurrence in series.GetOccurrences(from, Options))
        {
            var start = occurrence.Period.StartTime.AsUtc;
            if (start >= toUtc) yield break;
            var time = new OccurrenceTime(start, start + duration);
            if (time.Overlaps(fromUtc, toUtc)) yield return time;
        }
    }

    /// <summary>The end of a series' last occurrence, or null when the rule has no UNTIL or COUNT.</summary>
    public static DateTime? LastEnd(DateTime startsAt, DateTime endsAt, string? rule, string? exceptionDates)
    {
        if (string.IsNullOrWhiteSpace(rule)) return endsAt;
        var parsed = new RecurrenceRule(rule);
        if (parsed.Until is null && parsed.Count is null) return null;
        var last = Series(startsAt, endsAt, rule, exceptionDates).GetOccurrences(Local(startsAt), Options)
            .Select(o => (DateTime?)o.Period.StartTime.AsUtc).LastOrDefault();
        return (last ?? startsAt) + (endsAt - startsAt);
    }

    private static IcalEvent Series(DateTime startsAt, DateTime endsAt, string rule, string? exceptionDates)
    {
        var series = new IcalEvent
        {
            DtStart = Local(startsAt),
            DtEnd = Local(endsAt),
            RecurrenceRule = new RecurrenceRule(rule),
        };
        foreach (var ex in ParseExceptions(exceptionDates)) series.ExceptionDates.Add(Local(ex));
        return series;
    }

    /// <summary>A UTC instant as Istanbul wall time with its TZID, the form the RRULE is evaluated in.</summary>
    public static CalDateTime Local(DateTime utc)
    {
        var local = IstanbulTime.ToLocal(utc);
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, Zone);
    }

    // EXDATE text: UTC instants "yyyyMMddTHHmmssZ", comma-separated.
    private const string ExceptionFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static IReadOnlyList<DateTime> ParseExceptions(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => DateTime.ParseExact(t, ExceptionFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
                .ToList();

    public static string? FormatExceptions(IEnumerable<DateTime> utcStarts)
    {
        var text = string.Join(",", utcStarts.Distinct().Order().Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString(ExceptionFormat, CultureInfo.InvariantCulture)));
        return text.Length == 0 ? null : text;
    }

    /// <summary>The series' EXDATE text with one more occurrence left out.</summary>
    public static string? AddException(string? text, DateTime occurrenceStartUtc) =>
        FormatExceptions(ParseExceptions(text).Append(occurrenceStartUtc));
}
