namespace Intranet.Core.Performance;

/// <summary>What the builder needs besides the plan: the clock, the computed values and a few names.</summary>
internal sealed record ReviewContext(
    StrategicPlan Plan,
    DateTime Now,
    bool ApprovedOnly,
    Func<ComputedKey, double?> Computed,
    IReadOnlyDictionary<int, string> Directorates,
    IReadOnlyDictionary<int, int> EvidenceCounts);

/// <summary>
/// Builds the review from a plan held in memory (goals → objectives → indicators with targets and actuals): no I/O,
/// so the rules are tested without a database. A programme has tens of indicators, so rebuilding per change is cheap.
/// </summary>
internal static class ReviewBuilder
{
    public static PerformanceReviewResult Build(ReviewContext context, int year, int? directorateId, string scopeName)
    {
        var goals = Goals(context, year, directorateId, cutoffQuarter: null);
        var overall = Achievement.RollUp(goals.Select(g => new Weighted(g.RollUp.Rate, g.Weight)));
        var plan = context.Plan;
        return new PerformanceReviewResult(plan.Id, plan.Name, year, directorateId, scopeName, plan.GreenFrom, plan.AmberFrom,
            plan.ExplanationThreshold, context.ApprovedOnly, goals, overall, Light(plan, overall.Rate), Trend(context, directorateId));
    }

    /// <summary>The year-to-date rate at the end of each quarter of the plan so far: the trend across periods and years.</summary>
    public static IReadOnlyList<TrendPoint> Trend(ReviewContext context, int? directorateId)
    {
        var points = new List<TrendPoint>();
        var plan = context.Plan;
        for (var year = plan.StartYear; year <= plan.EndYear; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                if (!PerformancePeriods.HasStarted(year, PeriodType.Quarterly, quarter, context.Now)) return points;
                var goals = Goals(context, year, directorateId, quarter);
                points.Add(new TrendPoint(year, quarter, Achievement.RollUp(goals.Select(g => new Weighted(g.RollUp.Rate, g.Weight))).Rate));
            }
        }
        return points;
    }

    /// <param name="cutoffQuarter">Only the periods ending by the end of this quarter count (null: the whole year).</param>
    private static List<GoalRow> Goals(ReviewContext context, int year, int? directorateId, int? cutoffQuarter)
    {
        var goals = new List<GoalRow>();
        foreach (var goal in context.Plan.Goals.OrderBy(g => g.Code, CodeComparer.Instance))
        {
            var objectives = new List<ObjectiveRow>();
            foreach (var objective in goal.Objectives.OrderBy(o => o.Code, CodeComparer.Instance))
            {
                var indicators = objective.Indicators
                    .Where(i => directorateId is null || i.DirectorateId == directorateId)
                    .OrderBy(i => i.Code, CodeComparer.Instance)
                    .Select(i => Indicator(context, i, year, cutoffQuarter))
                    .ToList();
                if (indicators.Count == 0) continue;
                var rollUp = Achievement.RollUp(indicators.Select(i => new Weighted(i.Year.Rate, i.Weight)));
                objectives.Add(new ObjectiveRow(objective.Id, objective.Code, objective.Title, objective.Weight, rollUp, Light(context.Plan, rollUp.Rate), indicators));
            }
            if (objectives.Count == 0) continue;
            var goalRollUp = Achievement.RollUp(objectives.Select(o => new Weighted(o.RollUp.Rate, o.Weight)));
            goals.Add(new GoalRow(goal.Id, goal.Code, goal.Title, goal.Weight, goalRollUp, Light(context.Plan, goalRollUp.Rate), objectives));
        }
        return goals;
    }

    public static IndicatorRow Indicator(ReviewContext context, PerformanceIndicator indicator, int year, int? cutoffQuarter = null)
    {
        var type = indicator.PeriodType;
        var count = PerformancePeriods.PerYear(type);
        var last = cutoffQuarter is { } q ? PerformancePeriods.PeriodsByQuarter(type, q) : count;
        var target = indicator.Targets.FirstOrDefault(t => t.Year == year);
        TargetSpec? yearTarget = target is null ? null : new TargetSpec(target.Target, target.BandLow, target.BandHigh);
        TargetSpec? periodTarget = yearTarget is { } y ? Achievement.PeriodTarget(indicator.Aggregation, y, count) : null;
        var periods = new List<PeriodValue>(count);
        for (var p = 1; p <= count; p++)
        {
            var started = p <= last && PerformancePeriods.HasStarted(year, type, p, context.Now);
            var ended = p <= last && PerformancePeriods.HasEnded(year, type, p, context.Now);
            var row = indicator.Actuals.FirstOrDefault(a => a.Year == year && a.Period == p);
            var approved = row?.Status == ActualStatus.Onaylandi;
            (double? value, bool live) = !started ? (null, false)
                : approved ? (row!.Value, false)
                : context.ApprovedOnly ? (null, false)
                : indicator.Computed != ComputedKind.None ? (context.Computed(ComputedKey.For(indicator, year, p)), true)
                : (row?.Value, false);
            var rate = periodTarget is { } pt ? Achievement.Rate(indicator.Direction, value, pt) : null;
            var explanation = string.IsNullOrWhiteSpace(row?.Explanation) ? null : row.Explanation;
            periods.Add(new PeriodValue(p, PerformancePeriods.Label(type, p), PerformancePeriods.Short(type, p), value, periodTarget, rate,
                row?.Status, started, ended, live, explanation,
                // A live computed value is explained when it is approved; until then it is only followed.
                !live && Achievement.NeedsExplanation(rate, context.Plan.ExplanationThreshold) && explanation is null,
                row is null ? 0 : context.EvidenceCounts.GetValueOrDefault(row.Id)));
        }
        var yearResult = Achievement.Year(indicator.Direction, indicator.Aggregation, yearTarget, periods.Select(v => v.Value).ToList());
        return new IndicatorRow(indicator.Id, indicator.Code, indicator.Name, indicator.DirectorateId,
            context.Directorates.GetValueOrDefault(indicator.DirectorateId, ""), indicator.Unit, indicator.Direction, type,
            indicator.Aggregation, indicator.Computed, indicator.Weight, yearTarget, periods, yearResult, Light(context.Plan, yearResult.Rate));
    }

    private static TrafficLight Light(StrategicPlan plan, double? rate) => Achievement.Light(rate, plan.GreenFrom, plan.AmberFrom);
}

/// <summary>Orders codes as people number them: "A2" before "A10", "H1.2" before "H1.10".</summary>
public sealed class CodeComparer : IComparer<string>
{
    public static readonly CodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
            {
                var si = i; while (i < x.Length && char.IsDigit(x[i])) i++;
                var sj = j; while (j < y.Length && char.IsDigit(y[j])) j++;
                var a = x[si..i].TrimStart('0');
                var b = y[sj..j].TrimStart('0');
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byNumber != 0) return byNumber;
                continue;
            }
            var c = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
            if (c != 0) return c;
            i++;
            j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
