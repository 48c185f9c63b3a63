using System.Globalization;
using Intranet.Core.Common;

namespace Intranet.Web.Components.Pages.Calendar;

/// <summary>
/// Dates between FullCalendar and .NET. FullCalendar sends ISO strings with the Istanbul offset for times and bare
/// "yyyy-MM-dd" for whole days (Istanbul days); .NET sends UTC instants ("Z") and Istanbul days.
/// </summary>
public static class CalendarDates
{
    public static DateTime ToUtc(string iso)
    {
        if (iso.Length == 10) return IstanbulTime.ToUtc(DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue));
        return DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).UtcDateTime;
    }

    public static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateTime utc) => IstanbulTime.Today(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
