using System.Collections.Frozen;
using Intranet.Core.Common;

namespace Intranet.Core.Calendar;

/// <summary>
/// The municipality's working-day calendar in Europe/Istanbul time. Every DateTime in or out is UTC (an Unspecified
/// Kind is read as UTC, as the DbContext's converter does; a Local Kind is refused). Immutable and thread-safe: build
/// one from the holiday table, share it, and build a new one when Admin edits the table.
/// <list type="bullet">
/// <item>Working hours are 08:30–17:30, Monday to Friday, except public holidays.</item>
/// <item>A half-day eve (arife, 28 Ekim) works 08:30–12:30: the holiday starts at 13:00 and 12:30–13:00 is the
/// start of the lunch break, so no working time is left after 12:30. It counts as half a working day.</item>
/// <item>A day-based deadline ends at the close of that day's working hours (17:30, or 12:30 on an eve), as a legal
/// period ends "son günün tatil saatinde" (HMK m. 93), not at midnight.</item>
/// </list>
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeOnly OpensAt = new(8, 30);
    public static readonly TimeOnly ClosesAt = new(17, 30);
    public static readonly TimeOnly HalfDayClosesAt = new(12, 30);

    // Date → whether it is only a half-day holiday. Dates not in it are ordinary days.
    private readonly FrozenDictionary<DateOnly, bool> _holidays;

    public WorkingCalendar(IEnumerable<PublicHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        // Two rows on one date (typed by hand) merge; a full holiday wins over a half day.
        _holidays = holidays.GroupBy(h => h.Date).ToFrozenDictionary(g => g.Key, g => g.All(h => h.IsHalfDay));
    }

    public bool IsWorkingDay(DateOnly date) => HalvesOf(date) > 0;

    public bool IsHalfDay(DateOnly date) => HalvesOf(date) == 1;

    public DateOnly ToIstanbulDate(DateTime utc) => DateOnly.FromDateTime(ToIstanbul(utc));

    /// <summary>
    /// The deadline <paramref name="days"/> working days after <paramref name="startUtc"/>. The start day never counts,
    /// whatever the hour (as in law, the first day is not counted). The days after it are counted in halves: a working
    /// day is two, a half-day eve one, any other day none; the deadline is the close of the day on which the count
    /// reaches 2 × days. So an eve that completes the count exactly ends the deadline at 12:30; an eve one half short
    /// pushes it to the close of the next working day. 0 days: the first close at or after the start.
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = ToIstanbul(startUtc);
        if (days == 0) return FirstCloseAtOrAfter(start);

        var date = DateOnly.FromDateTime(start);
        for (var halves = 0; halves < 2 * days; halves += HalvesOf(date))
            date = date.AddDays(1);
        return CloseUtc(date);
    }

    /// <summary>Clock hours around the clock (Istanbul has no DST since 2016, and elapsed time needs no zone anyway).</summary>
    public DateTime AddHours(DateTime startUtc, int hours) => AsUtc(startUtc).AddHours(hours);

    /// <summary>
    /// The Istanbul calendar day <paramref name="days"/> after the start's day, ending at its close; if that day is not
    /// a working day, the close of the next working day (a period ending on a holiday runs to the next working day).
    /// 0 days: the first close at or after the start.
    /// </summary>
    public DateTime AddCalendarDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = ToIstanbul(startUtc);
        return days == 0
            ? FirstCloseAtOrAfter(start)
            : FirstCloseAtOrAfter(DateOnly.FromDateTime(start).AddDays(days).ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>
    /// Working days from the Istanbul day of <paramref name="fromUtc"/> (excluded) to that of <paramref name="toUtc"/>
    /// (included), an eve counting half, rounded down; negative when <paramref name="toUtc"/> is earlier. It inverts
    /// <see cref="AddWorkingDays"/>: WorkingDaysBetween(s, AddWorkingDays(s, n)) == n for n ≥ 1.
    /// </summary>
    public int WorkingDaysBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ToIstanbulDate(fromUtc);
        var to = ToIstanbulDate(toUtc);
        if (to < from) return -WorkingDaysBetween(toUtc, fromUtc);
        var halves = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            halves += HalvesOf(d);
        return halves / 2;
    }

    private int HalvesOf(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0
        : _holidays.TryGetValue(date, out var halfDay) ? (halfDay ? 1 : 0)
        : 2;

    private DateTime FirstCloseAtOrAfter(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        if (IsWorkingDay(date) && local <= date.ToDateTime(CloseOf(date))) return CloseUtc(date);
        do date = date.AddDays(1); while (!IsWorkingDay(date));
        return CloseUtc(date);
    }

    private TimeOnly CloseOf(DateOnly date) => IsHalfDay(date) ? HalfDayClosesAt : ClosesAt;

    private DateTime CloseUtc(DateOnly date) => IstanbulTime.ToUtc(date.ToDateTime(CloseOf(date)));

    private static DateTime ToIstanbul(DateTime utc) => IstanbulTime.ToLocal(AsUtc(utc));

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Pass UTC times: a Local DateTime depends on the server's time zone.", nameof(value)),
    };
}
