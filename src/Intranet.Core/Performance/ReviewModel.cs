namespace Intranet.Core.Performance;

/// <summary>One period of an indicator's year as the review shows it.</summary>
public sealed record PeriodValue(
    int Period,
    string Label,
    string Short,
    double? Value,
    TargetSpec? Target,
    double? Rate,
    ActualStatus? Status,
    bool Started,
    bool Ended,
    bool Live, // a computed indicator's value straight from the records, not yet approved and frozen

    string? Explanation,
    bool ExplanationMissing,
    int EvidenceCount)
{
    /// <summary>The period is over and nobody reported it.</summary>
    public bool Missing => Ended && Value is null;
    public bool Unapproved => Value is not null && Status != ActualStatus.Onaylandi;
}

/// <summary>An indicator's year: the periods, the year so far against its target, the rate and the light.</summary>
public sealed record IndicatorRow(
    int Id,
    string Code,
    string Name,
    int DirectorateId,
    string Directorate,
    string Unit,
    IndicatorDirection Direction,
    PeriodType PeriodType,
    PeriodAggregation Aggregation,
    ComputedKind Computed,
    double Weight,
    TargetSpec? YearTarget,
    IReadOnlyList<PeriodValue> Periods,
    YearResult Year,
    TrafficLight Light)
{
    public int Missing => Periods.Count(p => p.Missing);
    public int Unapproved => Periods.Count(p => p.Unapproved);
}

public sealed record ObjectiveRow(int Id, string Code, string Title, double Weight, RollUpResult RollUp, TrafficLight Light, IReadOnlyList<IndicatorRow> Indicators);

public sealed record GoalRow(int Id, string Code, string Title, double Weight, RollUpResult RollUp, TrafficLight Light, IReadOnlyList<ObjectiveRow> Objectives)
{
    /// <summary>Indicators under this goal left out of the weights for lack of data.</summary>
    public int IndicatorsWithoutData => Objectives.Sum(o => o.RollUp.Excluded);
}

/// <summary>The rolled-up rate of the scope at the end of a quarter (year to date).</summary>
public sealed record TrendPoint(int Year, int Quarter, double? Rate)
{
    public string Label => $"{Year} Ç{Quarter}";
}

/// <summary>The review of one year for the municipality (<see cref="DirectorateId"/> null) or one directorate.</summary>
public sealed record PerformanceReviewResult(
    int PlanId,
    string PlanName,
    int Year,
    int? DirectorateId,
    string ScopeName,
    double GreenFrom,
    double AmberFrom,
    double ExplanationThreshold,
    bool ApprovedOnly,
    IReadOnlyList<GoalRow> Goals,
    RollUpResult Overall,
    TrafficLight Light,
    IReadOnlyList<TrendPoint> Trend)
{
    public IEnumerable<IndicatorRow> Indicators => Goals.SelectMany(g => g.Objectives).SelectMany(o => o.Indicators);
    public int Missing => Indicators.Sum(i => i.Missing);
    public int Unapproved => Indicators.Sum(i => i.Unapproved);
    public int IndicatorsWithoutData => Goals.Sum(g => g.IndicatorsWithoutData);
    public int CountOf(TrafficLight light) => Indicators.Count(i => i.Light == light);
}

/// <summary>A plan as the year and scope pickers list it.</summary>
public sealed record PlanSummary(int Id, string Name, int StartYear, int EndYear);
