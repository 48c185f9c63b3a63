using Intranet.Core.Calendar;
using Intranet.Core.Common;
using static Intranet.Tests.Calendar.IstanbulWallClock;
using IcalCalendar = Ical.Net.Calendar;

namespace Intranet.Tests.Calendar;

/// <summary>Recurrence, the event form and the .ics output give the same instants whatever zone the server runs in.</summary>
[Collection(nameof(MachineTimeZone))]
public sealed class CalendarTimeZoneTests : IDisposable
{
    private readonly string? _originalTz = Environment.GetEnvironmentVariable("TZ");

    [Theory]
    [InlineData("America/Los_Angeles")] // UTC−8/−7: leaves DST on 1 Nov 2026, inside the series below
    [InlineData("Pacific/Kiritimati")]  // UTC+14: another calendar day most of the time
    [InlineData("UTC")]
    public void Calendar_times_do_not_depend_on_the_machine_zone(string zone)
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        if (!OperatingSystem.IsWindows())
            Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(zone).BaseUtcOffset, TimeZoneInfo.Local.BaseUtcOffset);

        // Tuesdays 09:30 Istanbul from 27 Oct 2026 across LA's DST change and the UTC+14 date line.
        var series = new CalendarEvent
        {
            Id = 1, Title = "Muhtarlar Toplantısı", StartsAt = Utc(2026, 10, 27, 9, 30), EndsAt = Utc(2026, 10, 27, 10, 30),
            RecurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        };
        Assert.Equal([Utc(2026, 10, 27, 9, 30), Utc(2026, 11, 3, 9, 30), Utc(2026, 11, 10, 9, 30)],
            RecurrenceExpander.Expand(series, Utc(2026, 10, 1, 0, 0), Utc(2026, 12, 1, 0, 0)).Select(o => o.StartsAt));

        // The dialog's wall time and an all-day event's midnight are Istanbul's.
        var form = new EventForm { Start = new DateTime(2026, 11, 3, 9, 30, 0), End = new DateTime(2026, 11, 3, 10, 30, 0) };
        Assert.Equal(Utc(2026, 11, 3, 9, 30), form.StartUtc);
        form.AllDay = true;
        form.End = new DateTime(2026, 11, 4, 0, 0, 0);
        Assert.Equal((Utc(2026, 11, 3, 0, 0), Utc(2026, 11, 4, 0, 0)), (form.StartUtc, form.EndUtc));

        var parsed = IcalCalendar.Load(IcsWriter.Write("Test", [new IcsEntry(series, null)], Utc(2026, 11, 1, 0, 0)))!.Events.Single();
        Assert.Equal(new DateTime(2026, 10, 27, 9, 30, 0), parsed.DtStart!.Value);
        Assert.Equal("Europe/Istanbul", parsed.DtStart.TzId);
        Assert.Equal(Utc(2026, 10, 27, 9, 30), parsed.DtStart.AsUtc);
        Assert.Equal(new DateOnly(2026, 11, 3), IstanbulTime.Today(Utc(2026, 11, 3, 0, 30)));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _originalTz);
        TimeZoneInfo.ClearCachedData();
    }
}
