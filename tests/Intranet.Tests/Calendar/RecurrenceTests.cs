using Intranet.Core.Calendar;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Calendar;

public class RecurrenceTests
{
    private static List<DateTime> Starts(DateTime start, int hours, string rule, DateTime from, DateTime to, string? exceptions = null) =>
        RecurrenceExpander.Expand(start, start.AddHours(hours), rule, exceptions, from, to).Select(o => o.StartsAt).ToList();

    [Fact]
    public void A_weekly_series_is_expanded_only_within_the_asked_range()
    {
        // Every Tuesday 10:00–12:00 from 1 Dec 2026, never ending; the visible range is the week of 15 Dec.
        var starts = Starts(Utc(2026, 12, 1, 10, 0), 2, "FREQ=WEEKLY;BYDAY=TU", Utc(2026, 12, 14, 0, 0), Utc(2026, 12, 21, 0, 0));

        Assert.Equal([Utc(2026, 12, 15, 10, 0)], starts);
    }

    [Fact]
    public void An_occurrence_in_progress_at_the_start_of_the_range_is_included()
    {
        var occurrences = RecurrenceExpander.Expand(Utc(2026, 12, 1, 10, 0), Utc(2026, 12, 1, 12, 0), "FREQ=WEEKLY;BYDAY=TU", null,
            Utc(2026, 12, 8, 11, 0), Utc(2026, 12, 8, 23, 0)).ToList();

        Assert.Equal([new OccurrenceTime(Utc(2026, 12, 8, 10, 0), Utc(2026, 12, 8, 12, 0))], occurrences);
    }

    [Fact]
    public void Count_and_until_end_a_series_and_exdates_leave_occurrences_out()
    {
        var (from, to) = (Utc(2026, 1, 1, 0, 0), Utc(2028, 1, 1, 0, 0));
        Assert.Equal(4, Starts(Utc(2026, 12, 1, 10, 0), 1, "FREQ=WEEKLY;BYDAY=TU;COUNT=4", from, to).Count);
        // UNTIL the end of 22 Dec (Istanbul) written in UTC, as RecurrenceSpec writes it.
        Assert.Equal([Utc(2026, 12, 1, 10, 0), Utc(2026, 12, 8, 10, 0), Utc(2026, 12, 15, 10, 0), Utc(2026, 12, 22, 10, 0)],
            Starts(Utc(2026, 12, 1, 10, 0), 1, "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261222T205959Z", from, to));
        // EXDATE removes an occurrence; COUNT still counts it (RFC 5545: the set is formed first, then excluded).
        var exceptions = RecurrenceExpander.FormatExceptions([Utc(2026, 12, 8, 10, 0)]);
        Assert.Equal([Utc(2026, 12, 1, 10, 0), Utc(2026, 12, 15, 10, 0), Utc(2026, 12, 22, 10, 0)],
            Starts(Utc(2026, 12, 1, 10, 0), 1, "FREQ=WEEKLY;BYDAY=TU;COUNT=4", from, to, exceptions));
        Assert.Equal(Utc(2026, 12, 22, 11, 0), RecurrenceExpander.LastEnd(Utc(2026, 12, 1, 10, 0), Utc(2026, 12, 1, 11, 0), "FREQ=WEEKLY;BYDAY=TU;COUNT=4", null));
        Assert.Null(RecurrenceExpander.LastEnd(Utc(2026, 12, 1, 10, 0), Utc(2026, 12, 1, 11, 0), "FREQ=WEEKLY;BYDAY=TU", null));
    }

    [Fact]
    public void Monthly_series_follow_the_day_or_the_nth_weekday_of_the_month()
    {
        var (from, to) = (Utc(2026, 12, 1, 0, 0), Utc(2027, 4, 1, 0, 0));
        // The council meets on the first Wednesday at 14:00.
        Assert.Equal([Utc(2026, 12, 2, 14, 0), Utc(2027, 1, 6, 14, 0), Utc(2027, 2, 3, 14, 0), Utc(2027, 3, 3, 14, 0)],
            Starts(Utc(2026, 12, 2, 14, 0), 3, "FREQ=MONTHLY;BYDAY=1WE", from, to));
        // The last Friday of the month.
        Assert.Equal([Utc(2026, 12, 25, 9, 0), Utc(2027, 1, 29, 9, 0), Utc(2027, 2, 26, 9, 0), Utc(2027, 3, 26, 9, 0)],
            Starts(Utc(2026, 12, 25, 9, 0), 1, "FREQ=MONTHLY;BYDAY=-1FR", from, to));
        Assert.Equal([Utc(2026, 12, 15, 9, 0), Utc(2027, 2, 15, 9, 0)],
            Starts(Utc(2026, 12, 15, 9, 0), 1, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", from, to));
    }

    [Fact]
    public void A_weekday_is_the_istanbul_weekday_even_when_the_utc_date_is_the_day_before()
    {
        // Tuesday 01:30 in Istanbul is Monday 22:30 UTC: a rule evaluated in UTC would put it on the wrong day.
        var starts = Starts(Utc(2026, 12, 1, 1, 30), 1, "FREQ=WEEKLY;BYDAY=TU", Utc(2026, 12, 1, 0, 0), Utc(2026, 12, 16, 0, 0));

        Assert.Equal([Utc(2026, 12, 1, 1, 30), Utc(2026, 12, 8, 1, 30), Utc(2026, 12, 15, 1, 30)], starts);
        Assert.All(starts, s => Assert.Equal(DayOfWeek.Monday, s.DayOfWeek));
    }

    [Theory]
    [InlineData(RepeatKind.Weekly, 1, MonthlyBy.DayOfMonth, null, null, "FREQ=WEEKLY;BYDAY=TU", "Her hafta Salı")]
    [InlineData(RepeatKind.Weekly, 2, MonthlyBy.DayOfMonth, null, 10, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10", "2 haftada bir, Salı, 10 kez")]
    [InlineData(RepeatKind.Monthly, 1, MonthlyBy.DayOfMonth, "2027-06-30", null, "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20270630T205959Z", "Her ay, ayın 1. günü, 30.06.2027 tarihine kadar")]
    [InlineData(RepeatKind.Monthly, 1, MonthlyBy.WeekdayOfMonth, null, null, "FREQ=MONTHLY;BYDAY=1TU", "Her ay, ayın ilk Salı günü")]
    public void The_dialogs_choices_become_a_rule_and_read_back(RepeatKind kind, int interval, MonthlyBy by, string? until, int? count, string rule, string text)
    {
        var start = new DateTime(2026, 12, 1, 10, 0, 0); // Tuesday, Istanbul wall time
        var spec = new RecurrenceSpec(kind, interval, by, until is null ? null : DateOnly.Parse(until), count);

        Assert.Equal(rule, spec.ToRule(start));
        Assert.Equal(spec, RecurrenceSpec.FromRule(rule, start));
        Assert.Equal(text, spec.Describe(start));
    }

    [Fact]
    public void A_rule_the_dialog_cannot_build_is_kept_as_it_is_and_bad_rules_are_refused()
    {
        var start = new DateTime(2026, 12, 1, 10, 0, 0);
        Assert.Equal(RepeatKind.Custom, RecurrenceSpec.FromRule("FREQ=WEEKLY;BYDAY=MO,TH", start).Kind);
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,TH", RecurrenceSpec.FromRule("FREQ=WEEKLY;BYDAY=MO,TH", start).ToRule(start));
        // A fifth Tuesday is written as "the last Tuesday".
        Assert.Equal("FREQ=MONTHLY;BYDAY=-1TU", new RecurrenceSpec(RepeatKind.Monthly, MonthlyBy: MonthlyBy.WeekdayOfMonth).ToRule(new DateTime(2026, 12, 29, 10, 0, 0)));

        Assert.Null(RecurrenceSpec.Check("FREQ=MONTHLY;BYMONTHDAY=1"));
        Assert.Contains("saatlik", RecurrenceSpec.Check("FREQ=HOURLY"));
        Assert.Contains("okunamadı", RecurrenceSpec.Check("FREQ=SOMETIMES"));
        Assert.Contains("1 ile 500", RecurrenceSpec.Check("FREQ=WEEKLY;COUNT=1000"));
    }
}
