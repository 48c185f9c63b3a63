using Intranet.Core.Calendar;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Requests;

public class DeadlinePolicyTests
{
    private static readonly WorkingCalendar Cal = new(TurkishHolidays.Shipped());
    private static readonly DeadlinePolicy Policy = new(Cal, new DeadlineOptions());

    // Mon 12 Oct 2026 11:00 Istanbul. Working days after it (½ = eve):
    // Tue13 1, Wed14 2, Thu15 3, Fri16 4, Mon19 5, Tue20 6, Wed21 7, Thu22 8, Fri23 9, Mon26 10, Tue27 11,
    // Wed28 11½ (eve), Thu29 — (29 Ekim), Fri30 12½, Mon2 13½, Tue3 14½, Wed4 15½ → 15 reached on Wed 4 Nov;
    // Thu5 16½, Fri6 17½, Mon9 18½ … Fri20 27½, Mon23 28½, Tue24 29½, Wed25 30½ → 30 reached on Wed 25 Nov.
    private static readonly DateTime MidOctober = Utc(2026, 10, 12, 11, 0);

    private static Request NewRequest(RequestType type, DateTime createdAt, RequestChannel channel = RequestChannel.Web, bool extended = false) =>
        new() { Number = "2026-000001", Text = "test", Type = type, Channel = channel, CreatedAt = createdAt, DeadlineExtended = extended };

    private static Category NewCategory(int waiting = 3, WaitingTimeUnit unit = WaitingTimeUnit.WorkingDays, int answerDays = 5) =>
        new() { Name = "Test", WaitingTime = waiting, WaitingTimeUnit = unit, AnswerWithinDays = answerDays };

    [Fact]
    public void Bilgi_edinme_is_15_working_days()
    {
        var d = Policy.Compute(NewRequest(RequestType.BilgiEdinme, MidOctober), NewCategory(waiting: 2));
        Assert.Equal(Utc(2026, 11, 4, 17, 30), d.DueAt);
        // Answer: 5 working days → Mon 19 Oct 17:30, before the due date, so kept.
        Assert.Equal(Utc(2026, 10, 19, 17, 30), d.AnswerDueAt);
    }

    [Fact]
    public void Bilgi_edinme_extended_is_30_working_days()
    {
        var d = Policy.Compute(NewRequest(RequestType.BilgiEdinme, MidOctober, extended: true), NewCategory());
        Assert.Equal(Utc(2026, 11, 25, 17, 30), d.DueAt);
    }

    [Fact]
    public void Legal_answer_deadline_never_passes_the_due_date()
    {
        // 20 answer days would be past the 15-day due date (Wed 4 Nov) → capped to it.
        var d = Policy.Compute(NewRequest(RequestType.BilgiEdinme, MidOctober), NewCategory(answerDays: 20));
        Assert.Equal(d.DueAt, d.AnswerDueAt);
    }

    [Fact]
    public void Law_wins_over_the_Cimer_channel()
    {
        var policy = new DeadlinePolicy(Cal, new DeadlineOptions(CimerWorkingDays: 5));
        var d = policy.Compute(NewRequest(RequestType.BilgiEdinme, MidOctober, RequestChannel.Cimer), NewCategory());
        Assert.Equal(Utc(2026, 11, 4, 17, 30), d.DueAt);
    }

    [Fact]
    public void Dilekce_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        // Tue 29 Sep + 30 calendar days = Thu 29 Oct (Cumhuriyet Bayramı) → Fri 30 Oct 17:30.
        var d = Policy.Compute(NewRequest(RequestType.Dilekce, Utc(2026, 9, 29, 15, 0)), NewCategory());
        Assert.Equal(Utc(2026, 10, 30, 17, 30), d.DueAt);
        // Answer: Wed30 1, Thu1 2, Fri2 3, Mon5 4, Tue6 5 → Tue 6 Oct 17:30.
        Assert.Equal(Utc(2026, 10, 6, 17, 30), d.AnswerDueAt);
    }

    [Fact]
    public void Cimer_uses_the_configured_working_days()
    {
        // Default 15 → same as the 4982 count above: Wed 4 Nov 17:30.
        Assert.Equal(Utc(2026, 11, 4, 17, 30),
            Policy.Compute(NewRequest(RequestType.Sikayet, MidOctober, RequestChannel.Cimer), NewCategory(waiting: 1)).DueAt);

        // 5 → Mon 19 Oct 17:30; the 7-day answer (Wed 21 Oct) is capped to it.
        var policy = new DeadlinePolicy(Cal, new DeadlineOptions(CimerWorkingDays: 5));
        var d = policy.Compute(NewRequest(RequestType.Sikayet, MidOctober, RequestChannel.Cimer), NewCategory(answerDays: 7));
        Assert.Equal(Utc(2026, 10, 19, 17, 30), d.DueAt);
        Assert.Equal(d.DueAt, d.AnswerDueAt);
    }

    [Fact]
    public void Category_in_hours_runs_through_the_holiday()
    {
        // Wed 28 Oct 20:00 + 48 h = Fri 30 Oct 20:00. Answer 2 working days: Thu 29 holiday, Fri 30 1, Mon 2 Nov 2
        // → Mon 2 Nov 17:30, after DueAt and not capped (ordinary request: the answer may follow the fix).
        var d = Policy.Compute(NewRequest(RequestType.Talep, Utc(2026, 10, 28, 20, 0)),
            NewCategory(48, WaitingTimeUnit.Hours, answerDays: 2));
        Assert.Equal(Utc(2026, 10, 30, 20, 0), d.DueAt);
        Assert.Equal(Utc(2026, 11, 2, 17, 30), d.AnswerDueAt);
    }

    [Fact]
    public void Category_in_working_days_across_Kurban_Bayrami()
    {
        // Fri 22 May 2026 16:00: Mon25 1, Tue26 1½ (arife), Wed27–Sun31 bayram/weekend, Mon1 2½, Tue2 3½ → Tue 2 Jun 17:30.
        var d = Policy.Compute(NewRequest(RequestType.Talep, Utc(2026, 5, 22, 16, 0)), NewCategory(3));
        Assert.Equal(Utc(2026, 6, 2, 17, 30), d.DueAt);
    }

    [Fact]
    public void Category_in_calendar_days_ending_on_an_eve()
    {
        // Sat 16 May + 10 = Tue 26 May, Kurban arife → 12:30.
        var d = Policy.Compute(NewRequest(RequestType.Talep, Utc(2026, 5, 16, 10, 0)), NewCategory(10, WaitingTimeUnit.CalendarDays));
        Assert.Equal(Utc(2026, 5, 26, 12, 30), d.DueAt);
    }

    [Fact]
    public void Apply_sets_both_fields()
    {
        var request = NewRequest(RequestType.BilgiEdinme, MidOctober);
        Policy.Apply(request, NewCategory());
        Assert.Equal(Utc(2026, 11, 4, 17, 30), request.DueAt);
        Assert.Equal(Utc(2026, 10, 19, 17, 30), request.AnswerDueAt);
    }
}
