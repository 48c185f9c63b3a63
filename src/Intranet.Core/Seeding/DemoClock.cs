using Intranet.Core.Organization;

namespace Intranet.Core.Seeding;

/// <summary>Istanbul-time helpers for generated data.</summary>
internal static class DemoClock
{
    public static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");

    public static DateTime ToIstanbul(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Istanbul);

    public static DateTime FromIstanbul(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Istanbul);

    public static DateOnly IstanbulDay(DateTime utc) => DateOnly.FromDateTime(ToIstanbul(utc));

    /// <summary>
    /// Approximate working days: skips Saturday and Sunday only. The real calendar (public holidays, arife
    /// half-days) belongs to the deadline service; demo data does not need it.
    /// </summary>
    public static DateTime AddWorkingDays(DateTime utc, int days)
    {
        var local = ToIstanbul(utc);
        var d = local;
        for (var added = 0; added < days;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        return utc + (d - local);
    }

    /// <summary>The instant itself during office hours (weekdays 08:30–17:30 Istanbul), else the next opening.</summary>
    public static DateTime NextOfficeTime(DateTime utc)
    {
        var local = ToIstanbul(utc);
        var open = local.Date.AddHours(8.5);
        if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local >= open && local < open.AddHours(9)) return utc;
        var day = local < open ? local.Date : local.Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return utc + (day.AddHours(8.5) - local);
    }

    public static DateTime Due(DateTime createdUtc, int amount, WaitingTimeUnit unit) => unit switch
    {
        WaitingTimeUnit.Hours => createdUtc.AddHours(amount),
        WaitingTimeUnit.CalendarDays => createdUtc.AddDays(amount),
        _ => AddWorkingDays(createdUtc, amount),
    };
}

/// <summary>
/// Spreads N instants over the last 365 days in time order, denser on weekday office hours, so request numbers
/// follow creation time and the dashboards show a believable daily rhythm.
/// </summary>
internal sealed class DemoTimeline
{
    private readonly DateTime _start;
    private readonly DateTime _now;
    private readonly double[] _cumulative;

    public DemoTimeline(DateTime nowUtc)
    {
        _now = nowUtc;
        _start = nowUtc.AddDays(-365);
        var hours = 365 * 24;
        _cumulative = new double[hours];
        var total = 0.0;
        for (var h = 0; h < hours; h++)
        {
            var local = DemoClock.ToIstanbul(_start.AddHours(h));
            // A slow rise over the year: the channels got better known.
            total += HourWeight(local.Hour) * DayWeight(local.DayOfWeek) * (0.85 + 0.3 * h / hours);
            _cumulative[h] = total;
        }
    }

    /// <summary>The instant at fraction <paramref name="u"/> (0..1) of the year's weighted activity.</summary>
    public DateTime At(double u)
    {
        var total = _cumulative[^1];
        var target = Math.Clamp(u, 0, 1) * total;
        var h = Array.BinarySearch(_cumulative, target);
        if (h < 0) h = ~h;
        h = Math.Min(h, _cumulative.Length - 1);
        var before = h == 0 ? 0 : _cumulative[h - 1];
        var within = (target - before) / (_cumulative[h] - before);
        var at = _start.AddHours(h + Math.Clamp(within, 0, 0.999));
        return at > _now ? _now.AddMinutes(-1) : at;
    }

    private static double HourWeight(int hour) => hour switch
    {
        < 7 => 0.05,
        7 => 0.3,
        8 => 0.8,
        >= 9 and <= 12 => 1.4,
        13 => 1.0,
        >= 14 and <= 17 => 1.3,
        18 or 19 => 0.8,
        >= 20 and <= 22 => 0.45,
        _ => 0.15,
    };

    private static double DayWeight(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 1.25,
        DayOfWeek.Saturday => 0.55,
        DayOfWeek.Sunday => 0.4,
        DayOfWeek.Friday => 1.0,
        _ => 1.1,
    };
}
