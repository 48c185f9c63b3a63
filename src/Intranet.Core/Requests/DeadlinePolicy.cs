using Intranet.Core.Calendar;
using Intranet.Core.Organization;

namespace Intranet.Core.Requests;

/// <summary>Settings of <see cref="DeadlinePolicy"/> that are not fixed by law.</summary>
/// <param name="CimerWorkingDays">Working days to resolve a request that came from CİMER.</param>
public sealed record DeadlineOptions(int CimerWorkingDays = 15);

/// <summary>A request's two deadlines, in UTC.</summary>
public readonly record struct RequestDeadlines(DateTime DueAt, DateTime AnswerDueAt);

/// <summary>
/// Works out when a request must be resolved (<see cref="Request.DueAt"/>) and answered (<see cref="Request.AnswerDueAt"/>).
/// DueAt, first rule that applies: Bilgi edinme (Law 4982) 15 working days, 30 when extended; Dilekçe (Law 3071)
/// 30 calendar days; CİMER channel the configured working days; otherwise the category's waiting time.
/// The law wins over the channel: a 4982 application arriving through CİMER keeps its legal deadline.
/// AnswerDueAt is the category's AnswerWithinDays working days, capped at DueAt when DueAt is a legal or CİMER
/// deadline (the answer is what that deadline requires); for ordinary requests the answer may follow the fix.
/// </summary>
public sealed class DeadlinePolicy(WorkingCalendar calendar, DeadlineOptions options)
{
    public const int BilgiEdinmeWorkingDays = 15;
    public const int BilgiEdinmeExtendedWorkingDays = 30;
    public const int DilekceCalendarDays = 30;

    public RequestDeadlines Compute(Request request, Category category)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(category);
        var created = request.CreatedAt;

        var (due, capsAnswer) = request switch
        {
            { Type: RequestType.BilgiEdinme } => (calendar.AddWorkingDays(created,
                request.DeadlineExtended ? BilgiEdinmeExtendedWorkingDays : BilgiEdinmeWorkingDays), true),
            { Type: RequestType.Dilekce } => (calendar.AddCalendarDays(created, DilekceCalendarDays), true),
            { Channel: RequestChannel.Cimer } => (calendar.AddWorkingDays(created, options.CimerWorkingDays), true),
            _ => (ByCategory(created, category), false),
        };

        var answer = calendar.AddWorkingDays(created, category.AnswerWithinDays);
        return new(due, capsAnswer && answer > due ? due : answer);
    }

    /// <summary>Sets <see cref="Request.DueAt"/> and <see cref="Request.AnswerDueAt"/>; call again after an extension.</summary>
    public void Apply(Request request, Category category)
    {
        var d = Compute(request, category);
        request.DueAt = d.DueAt;
        request.AnswerDueAt = d.AnswerDueAt;
    }

    private DateTime ByCategory(DateTime created, Category category) => category.WaitingTimeUnit switch
    {
        WaitingTimeUnit.Hours => calendar.AddHours(created, category.WaitingTime),
        WaitingTimeUnit.CalendarDays => calendar.AddCalendarDays(created, category.WaitingTime),
        _ => calendar.AddWorkingDays(created, category.WaitingTime),
    };
}
