using Intranet.Core.Performance;

namespace Intranet.Tests.Performance;

/// <summary>The gerçekleşme oranı arithmetic: every direction, zero targets, missing values, aggregation, roll-up, lights.</summary>
public class AchievementTests
{
    private const int Precision = 9;

    [Theory]
    [InlineData(100, 100, 1.0)]
    [InlineData(50, 100, 0.5)]
    [InlineData(125, 100, 1.25)]
    [InlineData(0, 100, 0.0)]
    [InlineData(-20, 100, 0.0)] // a negative actual is no achievement, never a negative rate
    public void Higher_is_better_is_actual_over_target(double actual, double target, double expected) =>
        Assert.Equal(expected, Achievement.Rate(IndicatorDirection.HigherIsBetter, actual, new TargetSpec(target))!.Value, Precision);

    [Theory]
    [InlineData(0, 1.0)] // a zero target is met by anything at or above it
    [InlineData(5, 1.0)]
    [InlineData(-1, 0.0)]
    public void Higher_is_better_with_a_zero_target_is_met_or_not(double actual, double expected) =>
        Assert.Equal(expected, Achievement.Rate(IndicatorDirection.HigherIsBetter, actual, new TargetSpec(0))!.Value, Precision);

    [Theory]
    [InlineData(18, 18, 1.0)]
    [InlineData(19.8, 18, 0.9)] // 10 % over the target costs 10 %, as 10 % under does for higher-is-better
    [InlineData(16.2, 18, 1.1)]
    [InlineData(36, 18, 0.0)] // twice the target: nothing achieved
    [InlineData(50, 18, 0.0)] // floored, never negative
    [InlineData(0, 18, 2.0)] // the best possible: twice the planned improvement (no division by the actual)
    public void Lower_is_better_is_one_plus_the_relative_saving(double actual, double target, double expected) =>
        Assert.Equal(expected, Achievement.Rate(IndicatorDirection.LowerIsBetter, actual, new TargetSpec(target))!.Value, Precision);

    [Theory]
    [InlineData(0, 1.0)] // "zero accidents" met
    [InlineData(1, 0.0)] // any occurrence misses a zero target: there is no scale to measure by
    [InlineData(0.001, 0.0)]
    public void Lower_is_better_with_a_zero_target_is_met_only_by_zero(double actual, double expected) =>
        Assert.Equal(expected, Achievement.Rate(IndicatorDirection.LowerIsBetter, actual, new TargetSpec(0))!.Value, Precision);

    [Theory]
    [InlineData(95, 1.0)]
    [InlineData(90, 1.0)] // the limits are inside
    [InlineData(100, 1.0)]
    [InlineData(81, 0.9)] // below: measured against the lower limit (81 / 90)
    [InlineData(110, 0.9)] // above: measured against the upper limit (2 − 110 / 100)
    [InlineData(0, 0.0)]
    [InlineData(250, 0.0)]
    public void Within_band_is_full_inside_and_falls_off_linearly_outside(double actual, double expected) =>
        Assert.Equal(expected, Achievement.Rate(IndicatorDirection.WithinBand, actual, new TargetSpec(95, 90, 100))!.Value, Precision);

    [Fact]
    public void Within_band_with_limits_given_upside_down_still_works_and_without_limits_uses_the_target()
    {
        Assert.Equal(1.0, Achievement.Rate(IndicatorDirection.WithinBand, 95, new TargetSpec(95, 100, 90))!.Value, Precision);
        Assert.Equal(1.0, Achievement.Rate(IndicatorDirection.WithinBand, 95, new TargetSpec(95))!.Value, Precision);
        Assert.Equal(0.9, Achievement.Rate(IndicatorDirection.WithinBand, 104.5, new TargetSpec(95))!.Value, Precision);
    }

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter)]
    [InlineData(IndicatorDirection.LowerIsBetter)]
    [InlineData(IndicatorDirection.WithinBand)]
    public void A_missing_actual_has_no_rate_rather_than_zero(IndicatorDirection direction)
    {
        Assert.Null(Achievement.Rate(direction, null, new TargetSpec(10, 5, 15)));
        Assert.Null(Achievement.Rate(direction, double.NaN, new TargetSpec(10, 5, 15)));
    }

    [Theory]
    [InlineData(1.10, false)] // exactly at the threshold: 110 / 100 is not beyond 10 % (binary rounding notwithstanding)
    [InlineData(0.90, false)]
    [InlineData(1.1001, true)]
    [InlineData(0.85, true)]
    [InlineData(0.0, true)]
    public void An_explanation_is_needed_beyond_the_threshold_either_way(double rate, bool needed) =>
        Assert.Equal(needed, Achievement.NeedsExplanation(rate, 0.10));

    [Fact]
    public void No_explanation_is_asked_for_a_missing_value() => Assert.False(Achievement.NeedsExplanation(null, 0.10));

    [Fact]
    public void Explanation_threshold_is_checked_on_a_real_rate() =>
        Assert.False(Achievement.NeedsExplanation(Achievement.Rate(IndicatorDirection.HigherIsBetter, 110, new TargetSpec(100)), 0.10));

    [Fact]
    public void Cumulative_quarters_add_up_and_are_measured_against_the_reported_share_of_the_year()
    {
        double?[] quarters = [100, 120, null, null];
        var year = Achievement.Year(IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, new TargetSpec(800), quarters);

        Assert.Equal(220, year.Actual);
        Assert.Equal(2, year.Reported);
        Assert.Equal(400, year.TargetToDate!.Value.Target, Precision); // two quarters of 800
        Assert.Equal(0.55, year.Rate!.Value, Precision);
        Assert.Equal(200, Achievement.PeriodTarget(PeriodAggregation.Cumulative, new TargetSpec(800), 4).Target, Precision);
    }

    [Fact]
    public void Average_quarters_are_their_mean_against_the_whole_target()
    {
        double?[] quarters = [80, null, 90, null];
        var year = Achievement.Year(IndicatorDirection.HigherIsBetter, PeriodAggregation.Average, new TargetSpec(85), quarters);

        Assert.Equal(85, year.Actual!.Value, Precision);
        Assert.Equal(1.0, year.Rate!.Value, Precision);
        Assert.Equal(85, Achievement.PeriodTarget(PeriodAggregation.Average, new TargetSpec(85), 4).Target, Precision);
    }

    [Fact]
    public void Last_value_quarters_take_the_latest_reported_one()
    {
        double?[] quarters = [6.0, 7.0, 3.0, null];
        var year = Achievement.Year(IndicatorDirection.HigherIsBetter, PeriodAggregation.LastValue, new TargetSpec(7.5), quarters);

        Assert.Equal(3.0, year.Actual);
        Assert.Equal(0.4, year.Rate!.Value, Precision);
    }

    [Fact]
    public void Lower_is_better_cumulative_counts_against_the_pro_rated_target()
    {
        double?[] quarters = [50, 40, null, null];
        var year = Achievement.Year(IndicatorDirection.LowerIsBetter, PeriodAggregation.Cumulative, new TargetSpec(160), quarters);

        Assert.Equal(0.875, year.Rate!.Value, Precision); // 90 against a half-year target of 80: 2 − 90/80
    }

    [Fact]
    public void Within_band_cumulative_scales_the_band_with_the_target()
    {
        var period = Achievement.PeriodTarget(PeriodAggregation.Cumulative, new TargetSpec(100, 80, 120), 4);
        Assert.Equal((25.0, 20.0, 30.0), (period.Target, period.Low!.Value, period.High!.Value));
    }

    [Fact]
    public void A_year_without_values_or_without_a_target_has_no_rate()
    {
        Assert.Null(Achievement.Year(IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, new TargetSpec(100), [null, null, null, null]).Rate);
        var noTarget = Achievement.Year(IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, null, [5, null, null, null]);
        Assert.Equal(5, noTarget.Actual);
        Assert.Null(noTarget.Rate);
    }

    [Fact]
    public void Roll_up_is_the_weighted_mean_of_the_children_with_data()
    {
        var result = Achievement.RollUp([new Weighted(0.8, 3), new Weighted(0.4, 1), new Weighted(null, 5)]);

        Assert.Equal(0.7, result.Rate!.Value, Precision); // (3·0.8 + 1·0.4) / 4: the weight-5 child without data is left out
        Assert.Equal(2, result.Included);
        Assert.Equal(1, result.Excluded);
    }

    [Fact]
    public void Roll_up_caps_each_child_at_one_so_a_surplus_does_not_hide_a_shortfall()
    {
        var result = Achievement.RollUp([new Weighted(1.6, 1), new Weighted(0.4, 1)]);

        Assert.Equal(0.7, result.Rate!.Value, Precision); // not 1.0
    }

    [Fact]
    public void Roll_up_of_nothing_or_only_zero_weights_has_no_rate()
    {
        Assert.Null(Achievement.RollUp([new Weighted(null, 1)]).Rate);
        Assert.Null(Achievement.RollUp([]).Rate);
        var zero = Achievement.RollUp([new Weighted(0.5, 0), new Weighted(1.0, 2)]);
        Assert.Equal(1.0, zero.Rate!.Value, Precision); // weight 0 is shown, not counted
        Assert.Equal(1, zero.Included);
    }

    [Theory]
    [InlineData(null, TrafficLight.Gri)]
    [InlineData(0.95, TrafficLight.Yesil)]
    [InlineData(0.90, TrafficLight.Yesil)]
    [InlineData(0.8999, TrafficLight.Sari)]
    [InlineData(0.70, TrafficLight.Sari)]
    [InlineData(0.69, TrafficLight.Kirmizi)]
    [InlineData(0.0, TrafficLight.Kirmizi)]
    public void Lights_follow_the_thresholds(double? rate, TrafficLight expected) => Assert.Equal(expected, Achievement.Light(rate, 0.90, 0.70));

    [Fact]
    public void Thresholds_are_configurable()
    {
        Assert.Equal(TrafficLight.Sari, Achievement.Light(0.95, 1.0, 0.8));
        Assert.Equal(TrafficLight.Kirmizi, Achievement.Light(0.79, 1.0, 0.8));
    }
}
