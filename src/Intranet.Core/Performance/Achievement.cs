namespace Intranet.Core.Performance;

public enum TrafficLight
{
    /// <summary>No data: nothing to judge.</summary>
    Gri = 0,
    Kirmizi = 1,
    Sari = 2,
    Yesil = 3,
}

/// <summary>A target: the value, and for a within-band indicator the band's limits.</summary>
public readonly record struct TargetSpec(double Target, double? Low = null, double? High = null)
{
    public TargetSpec Scale(double factor) => new(Target * factor, Low * factor, High * factor);
}

/// <summary>A rate with the weight it carries in its parent.</summary>
public readonly record struct Weighted(double? Rate, double Weight);

/// <summary>A parent's rate and how many of its children counted; <see cref="Excluded"/> had no data.</summary>
public sealed record RollUpResult(double? Rate, int Included, int Excluded);

/// <summary>A year's value so far, the target it is measured against, and the rate.</summary>
public sealed record YearResult(double? Actual, TargetSpec? TargetToDate, double? Rate, int Reported);

/// <summary>
/// The gerçekleşme oranı (achievement rate) arithmetic, with no I/O. A rate of 1.0 means "on target".
/// <list type="bullet">
/// <item>Higher is better: actual ÷ target. A target of zero or below is met by any actual at or above it (100 %),
/// otherwise 0 %: there is no scale to measure a shortfall from zero against.</item>
/// <item>Lower is better: 1 + (target − actual) ÷ target, i.e. 2 − actual ÷ target, floored at 0. The same relative
/// miss costs the same as for higher-is-better (10 % over the target → 90 %); an actual of 0 gives 200 %, twice the
/// target's improvement. (target ÷ actual was rejected: it divides by an actual of zero and punishes a miss less than
/// it rewards a gain.) A zero target ("no accidents") is met only by 0 (100 %); anything above is 0 %.</item>
/// <item>Within a band: 100 % anywhere inside [low, high]; below, measured as higher-is-better against the lower
/// limit; above, as lower-is-better against the upper limit, so it falls off linearly on both sides.</item>
/// <item>No actual, no rate (never 0 %): a missing entry is shown as missing, not as a failure.</item>
/// </list>
/// Periods make a year by the indicator's <see cref="PeriodAggregation"/>. Roll-ups are weighted means over the
/// children that have a rate; children without data are left out of the weights (and counted, so the screen can say
/// so), and each rate is capped at 100 % on the way up, so a surplus in one indicator never hides a shortfall in another.
/// </summary>
public static class Achievement
{
    /// <summary>Highest rate an indicator or objective contributes to its parent.</summary>
    public const double RollUpCap = 1.0;

    /// <summary>Tolerance for comparisons of rates with thresholds (110 ÷ 100 is 1.1000000000000001 in binary).</summary>
    private const double Epsilon = 1e-9;

    public static double? Rate(IndicatorDirection direction, double? actual, TargetSpec target)
    {
        if (actual is not { } a || !double.IsFinite(a)) return null;
        return direction switch
        {
            IndicatorDirection.LowerIsBetter => Lower(a, target.Target),
            IndicatorDirection.WithinBand => Band(a, target.Low ?? target.Target, target.High ?? target.Target),
            _ => Higher(a, target.Target),
        };
    }

    public static double Higher(double actual, double target) =>
        target > 0 ? Math.Max(0, actual / target) : actual >= target ? 1 : 0;

    public static double Lower(double actual, double target) =>
        target > 0 ? Math.Max(0, 2 - actual / target) : actual <= target ? 1 : 0;

    public static double Band(double actual, double low, double high)
    {
        if (low > high) (low, high) = (high, low);
        if (actual < low) return Higher(actual, low);
        if (actual > high) return Lower(actual, high);
        return 1;
    }

    /// <summary>Whether the deviation from the target (either way) is beyond the share that needs a written explanation.</summary>
    public static bool NeedsExplanation(double? rate, double threshold) =>
        rate is { } r && Math.Abs(r - 1) > threshold + Epsilon;

    /// <summary>The year's value from its periods (index 0 = period 1); null when no period has a value.</summary>
    public static double? Aggregate(PeriodAggregation aggregation, IReadOnlyList<double?> periods)
    {
        var values = periods.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (values.Count == 0) return null;
        return aggregation switch
        {
            PeriodAggregation.Average => values.Average(),
            PeriodAggregation.LastValue => values[^1],
            _ => values.Sum(),
        };
    }

    /// <summary>What one period is measured against: a cumulative indicator's period carries an equal share of the year.</summary>
    public static TargetSpec PeriodTarget(PeriodAggregation aggregation, TargetSpec year, int periodsPerYear) =>
        aggregation == PeriodAggregation.Cumulative ? year.Scale(1.0 / periodsPerYear) : year;

    /// <summary>What the year so far is measured against: for a cumulative indicator, the share of the periods reported.</summary>
    public static TargetSpec TargetToDate(PeriodAggregation aggregation, TargetSpec year, int periodsPerYear, int periodsReported) =>
        aggregation == PeriodAggregation.Cumulative ? year.Scale((double)periodsReported / periodsPerYear) : year;

    /// <summary>The year so far: the periods' aggregate against the target to date.</summary>
    public static YearResult Year(IndicatorDirection direction, PeriodAggregation aggregation, TargetSpec? yearTarget, IReadOnlyList<double?> periods)
    {
        var reported = periods.Count(v => v.HasValue);
        var actual = Aggregate(aggregation, periods);
        if (yearTarget is not { } target || reported == 0) return new YearResult(actual, yearTarget, null, reported);
        var toDate = TargetToDate(aggregation, target, periods.Count, reported);
        return new YearResult(actual, toDate, Rate(direction, actual, toDate), reported);
    }

    /// <summary>Weighted mean of the children with a rate, each capped at <see cref="RollUpCap"/>; weight 0 shows but does not count.</summary>
    public static RollUpResult RollUp(IEnumerable<Weighted> children)
    {
        double sum = 0, weights = 0;
        int included = 0, excluded = 0;
        foreach (var child in children)
        {
            if (child.Rate is not { } rate)
            {
                excluded++;
                continue;
            }
            if (child.Weight <= 0) continue;
            sum += Math.Min(rate, RollUpCap) * child.Weight;
            weights += child.Weight;
            included++;
        }
        return new RollUpResult(weights > 0 ? sum / weights : null, included, excluded);
    }

    public static TrafficLight Light(double? rate, double greenFrom, double amberFrom) => rate switch
    {
        null => TrafficLight.Gri,
        { } r when r >= greenFrom - Epsilon => TrafficLight.Yesil,
        { } r when r >= amberFrom - Epsilon => TrafficLight.Sari,
        _ => TrafficLight.Kirmizi,
    };
}
