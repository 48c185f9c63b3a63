using Intranet.Core.Common;

namespace Intranet.Core.Performance;

/// <summary>Reporting periods in Istanbul calendar terms: period 1 of a quarterly indicator is January–March.</summary>
public static class PerformancePeriods
{
    public static int PerYear(PeriodType type) => type switch
    {
        PeriodType.Monthly => 12,
        PeriodType.SemiAnnual => 2,
        PeriodType.Annual => 1,
        _ => 4,
    };

    public static int Months(PeriodType type) => 12 / PerYear(type);

    public static DateTime StartUtc(int year, PeriodType type, int period) =>
        IstanbulTime.ToUtc(new DateTime(year, 1, 1).AddMonths((period - 1) * Months(type)));

    public static DateTime EndUtc(int year, PeriodType type, int period) =>
        IstanbulTime.ToUtc(new DateTime(year, 1, 1).AddMonths(period * Months(type)));

    /// <summary>A period may be reported once it has begun (the current quarter can be filled in as it goes).</summary>
    public static bool HasStarted(int year, PeriodType type, int period, DateTime utcNow) => StartUtc(year, type, period) <= utcNow;

    /// <summary>A period that has ended and has no value is a missing entry.</summary>
    public static bool HasEnded(int year, PeriodType type, int period, DateTime utcNow) => EndUtc(year, type, period) <= utcNow;

    /// <summary>How many of the year's periods end by the end of this quarter (for year-to-date trends by quarter).</summary>
    public static int PeriodsByQuarter(PeriodType type, int quarter) => quarter * 3 / Months(type);

    public static string Label(PeriodType type, int period) => type switch
    {
        PeriodType.Monthly => TurkishText.Culture.DateTimeFormat.GetMonthName(period),
        PeriodType.SemiAnnual => $"{period}. Altı Ay",
        PeriodType.Annual => "Yıllık",
        _ => $"{period}. Çeyrek",
    };

    public static string Short(PeriodType type, int period) => type switch
    {
        PeriodType.Monthly => TurkishText.Culture.DateTimeFormat.GetAbbreviatedMonthName(period),
        PeriodType.SemiAnnual => $"{period}. AA",
        PeriodType.Annual => "Yıl",
        _ => $"Ç{period}",
    };
}
