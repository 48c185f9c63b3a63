using Intranet.Core.Common;
using Intranet.Core.Performance;

namespace Intranet.Tests.Performance;

/// <summary>The review tree from a plan in memory: roll-up weights per level, periods, missing and unapproved entries, trend.</summary>
public class ReviewBuilderTests
{
    // 15 August 2026 in Istanbul: Q1 and Q2 have ended, Q3 is running, Q4 has not begun.
    private static readonly DateTime Now = IstanbulTime.ToUtc(new DateTime(2026, 8, 15, 12, 0, 0));
    private int _ids;

    private PerformanceIndicator Indicator(string code, double target, double weight = 1, IndicatorDirection direction = IndicatorDirection.HigherIsBetter,
        PeriodAggregation aggregation = PeriodAggregation.Average, params (int Period, double Value, bool Approved)[] actuals) => new()
    {
        Id = ++_ids, Code = code, Name = code, Unit = "adet", DirectorateId = code.StartsWith("FEN", StringComparison.Ordinal) ? 1 : 2,
        Direction = direction, Aggregation = aggregation, Weight = weight,
        Targets = [new IndicatorTarget { Year = 2026, Target = target }],
        Actuals = actuals.Select(a => new IndicatorActual
        {
            Id = ++_ids, Year = 2026, Period = a.Period, Value = a.Value, Status = a.Approved ? ActualStatus.Onaylandi : ActualStatus.Taslak,
        }).ToList(),
    };

    private static StrategicPlan Plan(params StrategicGoal[] goals) => new() { Id = 1, Name = "Plan", StartYear = 2025, EndYear = 2029, Goals = goals.ToList() };

    private static StrategicGoal Goal(string code, double weight, params StrategicObjective[] objectives) =>
        new() { Code = code, Title = code, Weight = weight, Objectives = objectives.ToList() };

    private static StrategicObjective Objective(string code, double weight, params PerformanceIndicator[] indicators) =>
        new() { Code = code, Title = code, Weight = weight, Indicators = indicators.ToList() };

    private static ReviewContext Context(StrategicPlan plan, bool approvedOnly = false) =>
        new(plan, Now, approvedOnly, _ => null, new Dictionary<int, string> { [1] = "Fen İşleri", [2] = "Temizlik" }, new Dictionary<int, int>());

    private PerformanceReviewResult Sample(bool approvedOnly = false)
    {
        // A1 (weight 1): H1.1 (weight 3) with FEN-01 at 100 % (weight 1) and FEN-02 at 50 % (weight 3) → 62.5 %;
        //                H1.2 (weight 1) with TEM-01 at 20 % → A1 = (3·0.625 + 1·0.2) / 4 = 51.875 %.
        // A2 (weight 2): H2.1 with TEM-02 at 150 % (capped to 100 %) and TEM-03 with no data (left out) → 100 %.
        // Overall: (1·0.51875 + 2·1.0) / 3.
        var plan = Plan(
            Goal("A1", 1,
                Objective("H1.1", 3, Indicator("FEN-01", 100, 1, actuals: [(1, 100, true)]), Indicator("FEN-02", 100, 3, actuals: [(1, 50, true)])),
                Objective("H1.2", 1, Indicator("TEM-01", 100, actuals: [(1, 20, false)]))),
            Goal("A2", 2,
                Objective("H2.1", 1, Indicator("TEM-02", 100, actuals: [(2, 150, true)]), Indicator("TEM-03", 100))));
        return ReviewBuilder.Build(Context(plan, approvedOnly), 2026, null, "Belediye geneli");
    }

    [Fact]
    public void Indicators_roll_up_to_objectives_and_goals_by_their_weights()
    {
        var review = Sample();
        var a1 = review.Goals.Single(g => g.Code == "A1");

        Assert.Equal(0.625, a1.Objectives.Single(o => o.Code == "H1.1").RollUp.Rate!.Value, 9);
        Assert.Equal(0.51875, a1.RollUp.Rate!.Value, 9);
        Assert.Equal(1.0, review.Goals.Single(g => g.Code == "A2").RollUp.Rate!.Value, 9);
        Assert.Equal((0.51875 + 2) / 3, review.Overall.Rate!.Value, 9);
        Assert.Equal(TrafficLight.Kirmizi, a1.Light);
        Assert.Equal(TrafficLight.Sari, review.Light); // 84 %
    }

    [Fact]
    public void Indicators_without_data_are_left_out_of_the_weights_and_counted()
    {
        var review = Sample();
        var h21 = review.Goals.Single(g => g.Code == "A2").Objectives.Single();

        Assert.Equal((1, 1), (h21.RollUp.Included, h21.RollUp.Excluded));
        Assert.Equal(1, review.IndicatorsWithoutData);
        Assert.Equal(TrafficLight.Gri, review.Indicators.Single(i => i.Code == "TEM-03").Light);
    }

    [Fact]
    public void Ended_periods_without_a_value_are_missing_and_drafts_are_unapproved()
    {
        var review = Sample();
        var tem01 = review.Indicators.Single(i => i.Code == "TEM-01");

        Assert.True(tem01.Periods[0].Unapproved);
        Assert.True(tem01.Periods[1].Missing); // Q2 ended with nothing entered
        Assert.False(tem01.Periods[2].Missing); // Q3 is still running
        Assert.False(tem01.Periods[3].Started);
        Assert.True(tem01.Periods[0].ExplanationMissing); // 20 % with no explanation
        Assert.Equal(1, tem01.Unapproved);
    }

    [Fact]
    public void Approved_only_leaves_drafts_out_as_the_wall_screen_shows()
    {
        var review = Sample(approvedOnly: true);

        var tem01 = review.Indicators.Single(i => i.Code == "TEM-01");
        Assert.Null(tem01.Year.Rate);
        // H1.2 has no approved data, so A1 is H1.1 alone.
        Assert.Equal(0.625, review.Goals.Single(g => g.Code == "A1").RollUp.Rate!.Value, 9);
    }

    [Fact]
    public void A_directorate_scope_keeps_only_its_indicators_and_their_parents()
    {
        var plan = Plan(Goal("A1", 1, Objective("H1.1", 1, Indicator("FEN-01", 100, actuals: [(1, 80, true)])), Objective("H1.2", 1, Indicator("TEM-01", 100))));
        var review = ReviewBuilder.Build(Context(plan), 2026, 1, "Fen İşleri");

        Assert.Equal(["FEN-01"], review.Indicators.Select(i => i.Code));
        Assert.Equal(0.8, review.Overall.Rate!.Value, 9);
    }

    [Fact]
    public void Computed_indicators_take_the_live_value_until_approved()
    {
        var computed = Indicator("TEM-09", 10, direction: IndicatorDirection.LowerIsBetter, actuals: [(1, 8, true)]);
        computed.Computed = ComputedKind.MedianResolutionDays;
        var plan = Plan(Goal("A1", 1, Objective("H1.1", 1, computed)));
        var context = new ReviewContext(plan, Now, false, key => key.Period == 1 ? 99 : 12, new Dictionary<int, string>(), new Dictionary<int, int>());

        var row = ReviewBuilder.Build(context, 2026, null, "x").Indicators.Single();

        Assert.Equal(8, row.Periods[0].Value); // approved: frozen, the live 99 is ignored
        Assert.False(row.Periods[0].Live);
        Assert.Equal(12, row.Periods[1].Value);
        Assert.True(row.Periods[1].Live && row.Periods[1].Unapproved);
        Assert.Null(row.Periods[3].Value); // not begun: not computed
    }

    [Fact]
    public void The_trend_has_one_year_to_date_point_per_started_quarter_of_the_plan()
    {
        var plan = Plan(Goal("A1", 1, Objective("H1.1", 1,
            Indicator("FEN-01", 400, aggregation: PeriodAggregation.Cumulative, actuals: [(1, 100, true), (2, 50, true)]))));
        var trend = ReviewBuilder.Build(Context(plan), 2026, null, "x").Trend;

        Assert.Equal(4 + 3, trend.Count); // 2025 Q1–Q4, 2026 Q1–Q3
        Assert.Equal("2026 Ç1", trend[4].Label);
        Assert.Equal(1.0, trend[4].Rate!.Value, 9); // 100 of a quarter's 100
        Assert.Equal(0.75, trend[5].Rate!.Value, 9); // 150 of two quarters' 200
        Assert.Null(trend[0].Rate);
    }

    [Fact]
    public void Codes_sort_as_people_number_them() =>
        Assert.Equal(["A1", "A2", "A10", "H1.2", "H1.10"], new[] { "H1.10", "A10", "A2", "H1.2", "A1" }.Order(CodeComparer.Instance));
}
