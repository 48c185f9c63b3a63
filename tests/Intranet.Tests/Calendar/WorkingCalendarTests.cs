using Intranet.Core.Calendar;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = new(TurkishHolidays.Shipped());

    [Theory]
    [InlineData(2026, 10, 31, false)] // Saturday
    [InlineData(2026, 11, 1, false)]  // Sunday
    [InlineData(2026, 11, 2, true)]   // Monday
    [InlineData(2026, 10, 29, false)] // Thursday, Cumhuriyet Bayramı
    [InlineData(2026, 10, 28, true)]  // Wednesday, half-day eve: still a working morning
    [InlineData(2026, 3, 19, true)]   // Ramazan arife, half day
    [InlineData(2026, 3, 20, false)]  // Ramazan 1 (Fri)
    [InlineData(2026, 5, 26, true)]   // Kurban arife (Tue), half day
    [InlineData(2026, 5, 27, false)]  // Kurban 1 (Wed)
    [InlineData(2026, 5, 29, false)]  // Kurban 3 (Fri)
    [InlineData(2026, 5, 19, false)]  // 19 Mayıs (Tue)
    public void Working_days(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, Cal.IsWorkingDay(new DateOnly(y, m, d)));

    [Fact]
    public void Half_days_are_the_eves_only()
    {
        Assert.True(Cal.IsHalfDay(new DateOnly(2026, 10, 28)));
        Assert.True(Cal.IsHalfDay(new DateOnly(2026, 3, 19)));
        Assert.False(Cal.IsHalfDay(new DateOnly(2026, 10, 29)));
        Assert.False(Cal.IsHalfDay(new DateOnly(2026, 10, 27)));
    }

    [Fact]
    public void One_working_day_over_the_weekend()
    {
        // Fri 6 Nov 2026 10:00; Fri itself not counted, Sat/Sun 0 → Mon 9 Nov 17:30 (14:30 UTC).
        Assert.Equal(Utc(2026, 11, 9, 17, 30), Cal.AddWorkingDays(Utc(2026, 11, 6, 10, 0), 1));
    }

    [Fact]
    public void Cumhuriyet_Bayrami_eve_counts_half_and_the_day_not_at_all()
    {
        // Tue 27 Oct start. Wed 28 (eve) = ½, Thu 29 = 0, Fri 30 = 1 → total 1½ ≥ 1 on Fri → Fri 30 Oct 17:30.
        Assert.Equal(Utc(2026, 10, 30, 17, 30), Cal.AddWorkingDays(Utc(2026, 10, 27, 10, 0), 1));
        // Mon 26 Oct start. Tue 27 = 1, Wed 28 = 1½, Thu = 1½, Fri 30 = 2½ ≥ 2 → Fri 30 Oct 17:30.
        Assert.Equal(Utc(2026, 10, 30, 17, 30), Cal.AddWorkingDays(Utc(2026, 10, 26, 10, 0), 2));
    }

    [Fact]
    public void Ramazan_Bayrami_2026_eve_then_holiday_and_weekend()
    {
        // Wed 18 Mar start. Thu 19 arife = ½, Fri 20–Sun 22 bayram/weekend = 0, Mon 23 = 1½ → Mon 23 Mar 17:30.
        Assert.Equal(Utc(2026, 3, 23, 17, 30), Cal.AddWorkingDays(Utc(2026, 3, 18, 14, 0), 1));
        // Tue 17 Mar start. Wed 18 = 1, Thu 19 = 1½ (not yet 2: with the eve as a full day it would end Thu),
        // then Mon 23 = 2½ → Mon 23 Mar 17:30.
        Assert.Equal(Utc(2026, 3, 23, 17, 30), Cal.AddWorkingDays(Utc(2026, 3, 17, 9, 0), 2));
    }

    [Fact]
    public void Kurban_Bayrami_2026_spans_the_weekend()
    {
        // Mon 25 May start. Tue 26 arife = ½, Wed 27–Sat 30 bayram, Sun 31 = 0, Mon 1 Jun = 1½ → Mon 1 Jun 17:30.
        Assert.Equal(Utc(2026, 6, 1, 17, 30), Cal.AddWorkingDays(Utc(2026, 5, 25, 10, 0), 1));
        // Fri 22 May 16:00 start. Mon 25 = 1, Tue 26 = 1½, Wed–Sun = 1½, Mon 1 Jun = 2½, Tue 2 Jun = 3½ → Tue 2 Jun 17:30.
        Assert.Equal(Utc(2026, 6, 2, 17, 30), Cal.AddWorkingDays(Utc(2026, 5, 22, 16, 0), 3));
    }

    [Fact]
    public void An_eve_that_completes_the_count_ends_the_deadline_at_1230()
    {
        // Synthetic: Mon 2 and Tue 3 Nov 2026 both half days. Fri 30 Oct start: Mon = ½, Tue = 1 → Tue 3 Nov 12:30.
        var cal = new WorkingCalendar(
        [
            new PublicHoliday { Date = new(2026, 11, 2), Name = "a", IsHalfDay = true },
            new PublicHoliday { Date = new(2026, 11, 3), Name = "b", IsHalfDay = true },
        ]);
        Assert.Equal(Utc(2026, 11, 3, 12, 30), cal.AddWorkingDays(Utc(2026, 10, 30, 10, 0), 1));
    }

    [Fact]
    public void The_start_day_is_the_Istanbul_day_not_the_UTC_day()
    {
        // Mon 2 Nov 2026 22:30 UTC = Tue 3 Nov 01:30 Istanbul. Start day Tue (not counted) → Wed 4 Nov 17:30.
        // Counting from the UTC day (Mon) would wrongly give Tue 3 Nov.
        Assert.Equal(Utc(2026, 11, 4, 17, 30), Cal.AddWorkingDays(new DateTime(2026, 11, 2, 22, 30, 0, DateTimeKind.Utc), 1));
        Assert.Equal(new DateOnly(2026, 11, 3), Cal.ToIstanbulDate(new DateTime(2026, 11, 2, 22, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Zero_working_days_is_the_next_close()
    {
        // Mon 2 Nov 10:00 → same day 17:30. Fri 30 Oct 18:00 is after close → Mon 2 Nov 17:30.
        // Wed 28 Oct 14:00 is after the eve's 12:30 close, Thu 29 holiday → Fri 30 Oct 17:30.
        Assert.Equal(Utc(2026, 11, 2, 17, 30), Cal.AddWorkingDays(Utc(2026, 11, 2, 10, 0), 0));
        Assert.Equal(Utc(2026, 11, 2, 17, 30), Cal.AddWorkingDays(Utc(2026, 10, 30, 18, 0), 0));
        Assert.Equal(Utc(2026, 10, 30, 17, 30), Cal.AddWorkingDays(Utc(2026, 10, 28, 14, 0), 0));
    }

    [Fact]
    public void Calendar_days_ending_on_a_holiday_move_to_the_next_working_day()
    {
        // Tue 29 Sep + 30 days = Thu 29 Oct (Cumhuriyet Bayramı) → Fri 30 Oct 17:30.
        Assert.Equal(Utc(2026, 10, 30, 17, 30), Cal.AddCalendarDays(Utc(2026, 9, 29, 11, 0), 30));
        // Tue 28 Apr + 30 = Thu 28 May (Kurban 2), Fri 29, Sat 30 bayram, Sun 31 → Mon 1 Jun 17:30.
        Assert.Equal(Utc(2026, 6, 1, 17, 30), Cal.AddCalendarDays(Utc(2026, 4, 28, 11, 0), 30));
        // Sat 3 Oct + 30 = Mon 2 Nov, a working day → its close, 17:30.
        Assert.Equal(Utc(2026, 11, 2, 17, 30), Cal.AddCalendarDays(Utc(2026, 10, 3, 11, 0), 30));
        // Thu 1 Oct + 30 = Sat 31 Oct → Mon 2 Nov 17:30.
        Assert.Equal(Utc(2026, 11, 2, 17, 30), Cal.AddCalendarDays(Utc(2026, 10, 1, 11, 0), 30));
    }

    [Fact]
    public void Calendar_days_ending_on_an_eve_end_at_1230()
    {
        // Mon 28 Sep + 30 = Wed 28 Oct, the half-day eve → 12:30 (09:30 UTC).
        Assert.Equal(Utc(2026, 10, 28, 12, 30), Cal.AddCalendarDays(Utc(2026, 9, 28, 11, 0), 30));
    }

    [Fact]
    public void Hours_run_around_the_clock_across_midnight_and_holidays()
    {
        // Mon 2 Nov 22:00 + 4 h = Tue 3 Nov 02:00 Istanbul (Mon 23:00 UTC).
        Assert.Equal(Utc(2026, 11, 3, 2, 0), Cal.AddHours(Utc(2026, 11, 2, 22, 0), 4));
        // Wed 28 Oct 20:00 + 24 h = Thu 29 Oct 20:00: the holiday is not skipped.
        Assert.Equal(Utc(2026, 10, 29, 20, 0), Cal.AddHours(Utc(2026, 10, 28, 20, 0), 24));
    }

    [Fact]
    public void Outputs_are_utc()
    {
        Assert.Equal(DateTimeKind.Utc, Cal.AddWorkingDays(Utc(2026, 11, 2, 10, 0), 3).Kind);
        Assert.Equal(DateTimeKind.Utc, Cal.AddCalendarDays(Utc(2026, 11, 2, 10, 0), 3).Kind);
        Assert.Equal(DateTimeKind.Utc, Cal.AddHours(Utc(2026, 11, 2, 10, 0), 3).Kind);
    }

    [Fact]
    public void Local_times_are_refused()
    {
        var local = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Local);
        Assert.Throws<ArgumentException>(() => Cal.AddWorkingDays(local, 1));
    }

    [Fact]
    public void Working_days_between_counts_eves_as_half_and_inverts_AddWorkingDays()
    {
        // Tue 27 → Fri 30 Oct: Wed ½ + Thu 0 + Fri 1 = 1½ → 1.
        Assert.Equal(1, Cal.WorkingDaysBetween(Utc(2026, 10, 27, 9, 0), Utc(2026, 10, 30, 9, 0)));
        Assert.Equal(-1, Cal.WorkingDaysBetween(Utc(2026, 10, 30, 9, 0), Utc(2026, 10, 27, 9, 0)));
        // Same Istanbul day → 0.
        Assert.Equal(0, Cal.WorkingDaysBetween(Utc(2026, 11, 2, 9, 0), Utc(2026, 11, 2, 17, 0)));
        var start = Utc(2026, 5, 18, 10, 0);
        foreach (var n in new[] { 1, 2, 5, 15, 30 })
            Assert.Equal(n, Cal.WorkingDaysBetween(start, Cal.AddWorkingDays(start, n)));
    }

    [Fact]
    public void Duplicate_rows_merge_and_a_full_holiday_wins()
    {
        var cal = new WorkingCalendar(
        [
            new PublicHoliday { Date = new(2026, 11, 2), Name = "eve", IsHalfDay = true },
            new PublicHoliday { Date = new(2026, 11, 2), Name = "day", IsHalfDay = false },
        ]);
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 11, 2)));
    }
}
