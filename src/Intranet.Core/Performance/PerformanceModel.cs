using Intranet.Core.Common;

namespace Intranet.Core.Performance;

public enum IndicatorDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
    /// <summary>On target anywhere between the year's lower and upper limit.</summary>
    WithinBand = 2,
}

/// <summary>How often actuals are reported. Quarterly is what the performance programme asks for by default.</summary>
public enum PeriodType
{
    Quarterly = 0,
    Monthly = 1,
    SemiAnnual = 2,
    Annual = 3,
}

/// <summary>How the periods of a year make the year's value.</summary>
public enum PeriodAggregation
{
    /// <summary>The periods add up (tons of asphalt): the year is their sum, a period's target its share of the year's.</summary>
    Cumulative = 0,
    /// <summary>A level measured each period (a rate, a duration): the year is their mean.</summary>
    Average = 1,
    /// <summary>A stock (kilometres of network): the year is the latest period's value.</summary>
    LastValue = 2,
}

/// <summary>Indicators the system computes from its own records instead of a person typing the value.</summary>
public enum ComputedKind
{
    None = 0,
    /// <summary>% of the requests closed in the period that were answered by their answer deadline.</summary>
    RequestsAnsweredInTime = 1,
    /// <summary>Median days from intake to resolution of the requests resolved in the period.</summary>
    MedianResolutionDays = 2,
    /// <summary>Calendar events of type Mahalle Ziyareti starting in the period.</summary>
    NeighbourhoodVisits = 3,
    /// <summary>% of the period's press clippings whose tone is positive.</summary>
    PositiveClippingShare = 4,
    /// <summary>Press clippings with a negative tone published in the period.</summary>
    NegativeClippings = 5,
}

public enum ActualStatus
{
    Taslak = 0,
    Onaylandi = 1,
}

/// <summary>A stratejik plan dönemi (e.g. 2025–2029) with the review's thresholds, set by Strateji Geliştirme.</summary>
public class StrategicPlan : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    /// <summary>An achievement rate at or above this share is green.</summary>
    public double GreenFrom { get; set; } = 0.90;
    /// <summary>At or above this (and below green) is amber; below is red.</summary>
    public double AmberFrom { get; set; } = 0.70;
    /// <summary>A period's actual deviating from its target by more than this share needs a written explanation.</summary>
    public double ExplanationThreshold { get; set; } = 0.10;
    public List<StrategicGoal> Goals { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>An amaç of the plan.</summary>
public class StrategicGoal : IVersioned, IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>"A1".</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>Weight of the goal in the municipality's overall rate.</summary>
    public double Weight { get; set; } = 1;
    public List<StrategicObjective> Objectives { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A hedef under a goal.</summary>
public class StrategicObjective : IVersioned, IAudited
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    /// <summary>"H1.1".</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>Weight of the objective within its goal.</summary>
    public double Weight { get; set; } = 1;
    public List<PerformanceIndicator> Indicators { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A performans göstergesi under an objective, owned by a directorate, with a yearly target and actuals per period.</summary>
public class PerformanceIndicator : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int DirectorateId { get; set; }
    public required string Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public double? Baseline { get; set; }
    public PeriodType PeriodType { get; set; } = PeriodType.Quarterly;
    public PeriodAggregation Aggregation { get; set; }
    /// <summary>Weight of the indicator within its objective.</summary>
    public double Weight { get; set; } = 1;
    public string? DataSource { get; set; }
    /// <summary>How the value is calculated, in words (the programme's "hesaplama yöntemi").</summary>
    public string? Formula { get; set; }
    public ComputedKind Computed { get; set; }
    /// <summary>A computed indicator counts the whole municipality's records, not only its directorate's.</summary>
    public bool ComputeForMunicipality { get; set; }
    public List<IndicatorTarget> Targets { get; set; } = [];
    public List<IndicatorActual> Actuals { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>The target of one year; <see cref="BandLow"/> and <see cref="BandHigh"/> are the limits of a within-band indicator.</summary>
public class IndicatorTarget : IVersioned, IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public double Target { get; set; }
    public double? BandLow { get; set; }
    public double? BandHigh { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// The value reported for one period of a year; locked once the director approves. For a computed indicator
/// <see cref="Value"/> stays empty while the period is open (the live value counts) and holds the value approved.
/// </summary>
public class IndicatorActual : IVersioned, IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public int Period { get; set; }
    public double? Value { get; set; }
    public string? Explanation { get; set; }
    public ActualStatus Status { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime? EnteredAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public List<IndicatorEvidence> Evidence { get; set; } = [];
    public Guid Version { get; set; }
}

public enum ActualLogAction
{
    Kaydedildi = 0,
    Onaylandi = 1,
    YenidenAcildi = 2,
    KanitEklendi = 3,
    KanitSilindi = 4,
}

/// <summary>One step in a period's life, shown in the indicator's history. Never edited (the audit log has the detail).</summary>
public class IndicatorActualLog
{
    public long Id { get; set; }
    public int ActualId { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public ActualLogAction Action { get; set; }
    public double? Value { get; set; }
    /// <summary>The explanation saved, the reason for reopening, or the evidence file's name.</summary>
    public string? Note { get; set; }
}

/// <summary>A document or photo backing a period's value (a report, a site photo).</summary>
public class IndicatorEvidence
{
    public int Id { get; set; }
    public int ActualId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
