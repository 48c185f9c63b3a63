using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Web.Components.Pages.Calendar;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Calendar;

/// <summary>The wall's and the dashboard's "today" read the calendar expanded, each with its own visibility.</summary>
public sealed class TodaysEventsTests : IDisposable
{
    private readonly CalendarWorld _world = new();

    [Fact]
    public async Task Today_shows_the_days_occurrence_of_a_series_and_the_wall_only_public_events()
    {
        var office = _world.Service(_world.As("demo-ozk-1"));
        // Weekly on Wednesdays since 4 November; the clock is Wednesday 25 November 10:00.
        await office.SaveAsync(_world.Form("Muhtarlar Toplantısı", "MUHT", new DateTime(2026, 11, 4, 14, 0, 0), 2, repeat: new RecurrenceSpec(RepeatKind.Weekly)));
        var internalMeeting = _world.Form("Fen İşleri iç toplantısı", "FEN", new DateTime(2026, 11, 25, 9, 0, 0));
        internalMeeting.IsPublic = false;
        await office.SaveAsync(internalMeeting);
        await office.SaveAsync(_world.Form("Yarınki Konser", "KULT", new DateTime(2026, 11, 26, 19, 0, 0)));

        var wallUser = _world.As("demo-duvar-ekrani");
        var wall = await new WallFeed(_world.Database.Factory(wallUser), new FixedCurrentUser(wallUser), _world.Clock).TodaysEventsAsync();
        var meeting = Assert.Single(wall);
        Assert.Equal(("Muhtarlar Toplantısı", Utc(2026, 11, 25, 14, 0)), (meeting.Title, meeting.StartsAt));

        Assert.Equal(["Fen İşleri iç toplantısı", "Muhtarlar Toplantısı"], (await _world.Queries(_world.As("demo-fen-mudur")).TodayAsync()).Select(e => e.Title));
        Assert.Equal(["Muhtarlar Toplantısı"], (await _world.Queries(_world.As("demo-park-mudur")).TodayAsync()).Select(e => e.Title));
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00+03:00", 2026, 11, 25, 7)]
    [InlineData("2026-11-25T07:00:00Z", 2026, 11, 25, 7)]
    [InlineData("2026-11-25", 2026, 11, 24, 21)] // a whole Istanbul day starts at 21:00 UTC the day before
    public void Dates_from_the_calendar_widget_become_utc(string iso, int year, int month, int day, int hour)
    {
        Assert.Equal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc), CalendarDates.ToUtc(iso));
        Assert.Equal(DateTimeKind.Utc, CalendarDates.ToUtc(iso).Kind);
    }

    [Fact]
    public void Dates_to_the_calendar_widget_are_utc_instants_and_istanbul_days()
    {
        Assert.Equal("2026-11-25T07:00:00Z", CalendarDates.Instant(Utc(2026, 11, 25, 10, 0)));
        Assert.Equal("2026-11-25", CalendarDates.Day(Utc(2026, 11, 25, 0, 30)));
    }

    public void Dispose() => _world.Dispose();
}
