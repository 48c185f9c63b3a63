using Intranet.Core.Common;
using Intranet.Core.Performance;

namespace Intranet.Web.Components.Pages.Performance;

/// <summary>The years the performance pages offer: every year of every plan, opening on this year when a plan covers it.</summary>
public static class PerformanceYears
{
    public static IReadOnlyList<int> Of(IReadOnlyList<PlanSummary> plans) =>
        plans.SelectMany(p => Enumerable.Range(p.StartYear, p.EndYear - p.StartYear + 1)).Distinct().Order().ToList();

    public static int Default(IReadOnlyList<PlanSummary> plans, TimeProvider clock)
    {
        var thisYear = clock.IstanbulToday().Year;
        var years = Of(plans);
        if (years.Count == 0 || years.Contains(thisYear)) return thisYear;
        return thisYear > years[^1] ? years[^1] : years[0];
    }
}
