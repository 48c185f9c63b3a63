using Intranet.Core.Common;

namespace Intranet.Core.Dashboard;

/// <summary>
/// The moments a dashboard's figures are counted against, fixed when they are loaded from the database:
/// "overdue" means due before <see cref="AsOf"/>, "today" and "this week" are Istanbul days of that moment, and the
/// period (trend, mixes, resolution times) runs <see cref="From"/>–<see cref="To"/>. Changes applied later are
/// counted against the same frame, so incremental figures equal a fresh count made at <see cref="AsOf"/>; the next
/// reload moves the frame on.
/// </summary>
public sealed record DashboardFrame(DateTime AsOf, DateOnly Today, DateTime TodayStartUtc, DateOnly WeekStartDay, DateTime WeekStartUtc,
    DateOnly From, DateOnly To, DateTime FromUtc, DateTime ToUtc)
{
    public const int DefaultPeriodDays = 30;

    public static DashboardFrame For(DashboardScope scope, DateTime utcNow)
    {
        var today = IstanbulTime.Today(utcNow);
        var weekStart = IstanbulTime.StartOfWeekUtc(utcNow);
        var to = scope.To ?? today;
        var from = scope.From ?? to.AddDays(-(DefaultPeriodDays - 1));
        return new DashboardFrame(utcNow, today, StartOf(today), IstanbulTime.Today(weekStart), weekStart, from, to, StartOf(from), StartOf(to.AddDays(1)));
    }

    /// <summary>00:00 of an Istanbul day, as UTC.</summary>
    public static DateTime StartOf(DateOnly day) => IstanbulTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public bool InPeriod(DateOnly day) => day >= From && day <= To;
}
