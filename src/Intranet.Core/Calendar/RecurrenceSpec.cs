using System.Globalization;
using Intranet.Core.Common;
using Ical.Net;
using Ical.Net.DataTypes;

namespace Intranet.Core.Calendar;

public enum RepeatKind
{
    None,
    Weekly,
    Monthly,
    /// <summary>A rule the dialog does not build (from an imported .ics file): kept as it is.</summary>
    Custom,
}

public enum MonthlyBy
{
    /// <summary>The same day number every month (the 15th).</summary>
    DayOfMonth,
    /// <summary>The same weekday of the month (the first Wednesday, the last Friday).</summary>
    WeekdayOfMonth,
}

/// <summary>
/// The repetitions the event dialog offers, turned into an RRULE anchored on the event's Istanbul start (weekly on its
/// weekday, monthly on its day or its nth weekday), with an end by date (UNTIL) or by number (COUNT). Because the
/// rule follows the start, moving a whole series to another weekday moves the rule with it.
/// </summary>
public sealed record RecurrenceSpec(RepeatKind Kind, int Interval = 1, MonthlyBy MonthlyBy = MonthlyBy.DayOfMonth,
    DateOnly? Until = null, int? Count = null, string? CustomRule = null)
{
    public const int MaxCount = 500;
    public static readonly RecurrenceSpec None = new(RepeatKind.None);

    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The RRULE for a series starting at <paramref name="startLocal"/> (Istanbul wall time), or null.</summary>
    public string? ToRule(DateTime startLocal)
    {
        var core = Kind switch
        {
            RepeatKind.None => null,
            RepeatKind.Custom => CustomRule,
            RepeatKind.Weekly => $"FREQ=WEEKLY{IntervalPart};BYDAY={Days[(int)startLocal.DayOfWeek]}",
            RepeatKind.Monthly when MonthlyBy == MonthlyBy.DayOfMonth => $"FREQ=MONTHLY{IntervalPart};BYMONTHDAY={startLocal.Day}",
            RepeatKind.Monthly => $"FREQ=MONTHLY{IntervalPart};BYDAY={WeekOfMonth(startLocal)}{Days[(int)startLocal.DayOfWeek]}",
            _ => null,
        };
        if (core is null || Kind == RepeatKind.Custom) return core;
        if (Count is { } count) return $"{core};COUNT={count}";
        // With a TZID start, UNTIL must be UTC (RFC 5545 3.3.10): the end of that Istanbul day.
        if (Until is { } until) return $"{core};UNTIL={IstanbulTime.ToUtc(until.ToDateTime(new TimeOnly(23, 59, 59))):yyyyMMdd'T'HHmmss'Z'}";
        return core;
    }

    private string IntervalPart => Interval > 1 ? $";INTERVAL={Interval}" : "";

    /// <summary>1–4 for the first to fourth weekday of the month; −1 (the last) for a fifth.</summary>
    private static int WeekOfMonth(DateTime local) => (local.Day - 1) / 7 + 1 is var n && n >= 5 ? -1 : n;

    /// <summary>Reads a stored rule back into what the dialog shows; anything it cannot show is <see cref="RepeatKind.Custom"/>.</summary>
    public static RecurrenceSpec FromRule(string? rule, DateTime startLocal)
    {
        if (string.IsNullOrWhiteSpace(rule)) return None;
        RecurrenceRule parsed;
        try
        {
            parsed = new RecurrenceRule(rule);
        }
        catch (ArgumentException)
        {
            return new RecurrenceSpec(RepeatKind.Custom, CustomRule: rule);
        }
        var until = parsed.Until is { } u ? IstanbulTime.Today(u.AsUtc) : (DateOnly?)null;
        var interval = Math.Max(1, parsed.Interval);
        var plain = parsed.ByMonth.Count == 0 && parsed.ByHour.Count == 0 && parsed.ByMinute.Count == 0 && parsed.BySetPosition.Count == 0
                    && parsed.ByYearDay.Count == 0 && parsed.ByWeekNo.Count == 0 && parsed.BySecond.Count == 0;
        if (plain && parsed.Frequency == FrequencyType.Weekly && parsed.ByMonthDay.Count == 0
            && parsed.ByDay.All(d => d.DayOfWeek == startLocal.DayOfWeek && d.Offset is null) && parsed.ByDay.Count <= 1)
            return new RecurrenceSpec(RepeatKind.Weekly, interval, Until: until, Count: parsed.Count);
        if (plain && parsed.Frequency == FrequencyType.Monthly && parsed.ByDay.Count == 0
            && (parsed.ByMonthDay.Count == 0 || parsed.ByMonthDay is [var day] && day == startLocal.Day))
            return new RecurrenceSpec(RepeatKind.Monthly, interval, MonthlyBy.DayOfMonth, until, parsed.Count);
        if (plain && parsed.Frequency == FrequencyType.Monthly && parsed.ByMonthDay.Count == 0
            && parsed.ByDay is [var weekday] && weekday.DayOfWeek == startLocal.DayOfWeek && weekday.Offset == WeekOfMonth(startLocal))
            return new RecurrenceSpec(RepeatKind.Monthly, interval, MonthlyBy.WeekdayOfMonth, until, parsed.Count);
        return new RecurrenceSpec(RepeatKind.Custom, CustomRule: rule);
    }

    /// <summary>Null when the rule can be stored; else a Turkish message. Sub-daily rules are refused (a calendar of the mayor's day, not an alarm clock).</summary>
    public static string? Check(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule)) return null;
        RecurrenceRule parsed;
        try
        {
            parsed = new RecurrenceRule(rule);
        }
        catch (ArgumentException)
        {
            return $"Tekrar kuralı okunamadı: {rule}";
        }
        if (parsed.Frequency is not (FrequencyType.Daily or FrequencyType.Weekly or FrequencyType.Monthly or FrequencyType.Yearly))
            return "Tekrar günlük, haftalık, aylık veya yıllık olabilir; saatlik ya da dakikalık tekrar desteklenmez.";
        if (parsed.Count is < 1 or > MaxCount) return $"Tekrar sayısı 1 ile {MaxCount} arasında olmalı.";
        if (parsed.Interval is < 1 or > 12) return "Tekrar aralığı 1 ile 12 arasında olmalı.";
        return null;
    }

    /// <summary>"Her hafta Salı, 10 kez", as the dialog and the agenda say it.</summary>
    public string Describe(DateTime startLocal)
    {
        var tr = TurkishText.Culture;
        var day = tr.DateTimeFormat.GetDayName(startLocal.DayOfWeek);
        var text = Kind switch
        {
            RepeatKind.None => "Tekrarlanmaz",
            RepeatKind.Weekly => Interval > 1 ? $"{Interval} haftada bir, {day}" : $"Her hafta {day}",
            RepeatKind.Monthly => (Interval > 1 ? $"{Interval} ayda bir, " : "Her ay, ")
                                  + (MonthlyBy == MonthlyBy.DayOfMonth ? $"ayın {startLocal.Day}. günü" : $"ayın {Ordinal(WeekOfMonth(startLocal))} {day} günü"),
            _ => $"Özel kural ({CustomRule})",
        };
        if (Kind is RepeatKind.None or RepeatKind.Custom) return text;
        if (Count is { } c) return $"{text}, {c.ToString(CultureInfo.InvariantCulture)} kez";
        if (Until is { } u) return $"{text}, {u.ToString("dd.MM.yyyy", tr)} tarihine kadar";
        return text;
    }

    private static string Ordinal(int n) => n switch { 1 => "ilk", 2 => "ikinci", 3 => "üçüncü", 4 => "dördüncü", _ => "son" };
}
