namespace Intranet.Core.Common;

/// <summary>
/// The municipality's clock: Europe/Istanbul (UTC+3 all year since 2016). Instants are stored in UTC; days, weeks and
/// what a person reads are in Istanbul time, whatever zone the server runs in.
/// </summary>
public static class IstanbulTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime istanbulLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(istanbulLocal, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(ToLocal(utcNow));

    /// <summary>Monday 00:00 of the current Istanbul week, as UTC (Turkish weeks start on Monday).</summary>
    public static DateTime StartOfWeekUtc(DateTime utcNow)
    {
        var local = ToLocal(utcNow).Date;
        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return ToUtc(monday);
    }

    /// <summary>"25.11.2026 14:05", the way Turkish offices write a time.</summary>
    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd.MM.yyyy HH:mm", TurkishText.Culture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
        }
        catch (TimeZoneNotFoundException)
        {
            // Slim containers may lack tzdata; Türkiye has been UTC+3 all year since September 2016.
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Istanbul", TimeSpan.FromHours(3), "Türkiye", "TRT");
        }
    }
}
