namespace Intranet.Tests.Calendar;

/// <summary>Test times written as Istanbul wall-clock, converted with a hard-coded +03:00 so the code under test
/// is checked against an independent conversion (Türkiye is UTC+3 all year since 2016).</summary>
internal static class IstanbulWallClock
{
    public static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-3);
}
