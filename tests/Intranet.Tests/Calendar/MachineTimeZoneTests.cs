using Intranet.Core.Calendar;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Calendar;

// Changes the process's local zone: must not run beside other tests.
[CollectionDefinition(nameof(MachineTimeZone), DisableParallelization = true)]
public sealed class MachineTimeZone;

/// <summary>The same deadlines whatever the server's zone: the code must never use the machine's local time.</summary>
[Collection(nameof(MachineTimeZone))]
public sealed class MachineTimeZoneTests : IDisposable
{
    private readonly string? _originalTz = Environment.GetEnvironmentVariable("TZ");

    [Theory]
    [InlineData("America/Los_Angeles")] // UTC−8/−7, with DST switching in the test period
    [InlineData("Pacific/Kiritimati")]  // UTC+14: a different calendar day from Istanbul most of the day
    [InlineData("UTC")]
    public void Deadlines_do_not_depend_on_the_machine_zone(string zone)
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        if (!OperatingSystem.IsWindows()) // Unix reads TZ; check the switch took effect, else the test proves nothing
            Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(zone).BaseUtcOffset, TimeZoneInfo.Local.BaseUtcOffset);

        var cal = new WorkingCalendar(TurkishHolidays.Shipped());
        // Sat 31 Oct 2026 22:30 UTC = Sun 1 Nov 01:30 Istanbul (LA: Sat 15:30; Kiritimati: Sun 12:30); LA leaves DST
        // that night. Start day Sun → Mon 2 Nov is day 1 → Mon 2 Nov 17:30 Istanbul.
        var start = new DateTime(2026, 10, 31, 22, 30, 0, DateTimeKind.Utc);
        Assert.Equal(Utc(2026, 11, 2, 17, 30), cal.AddWorkingDays(start, 1));
        Assert.Equal(new DateOnly(2026, 11, 1), cal.ToIstanbulDate(start));
        // Sun 1 Nov + 30 calendar days = Tue 1 Dec, a working day → 17:30.
        Assert.Equal(Utc(2026, 12, 1, 17, 30), cal.AddCalendarDays(start, 30));
        Assert.Equal(new DateTime(2026, 11, 1, 22, 30, 0, DateTimeKind.Utc), cal.AddHours(start, 24));
        Assert.Equal(1, cal.WorkingDaysBetween(start, Utc(2026, 11, 2, 9, 0)));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _originalTz);
        TimeZoneInfo.ClearCachedData();
    }
}
