using Intranet.Core.Common;

namespace Intranet.Core.Performance;

public enum IndicatorDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
    WithinBand = 2,
}

public enum ActualStatus
{
    Taslak = 0,
    Onaylandi = 1,
}

/// <summary>A performans göstergesi owned by a directorate, with a yearly target and actuals per period.</summary>
public class PerformanceIndicator : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int DirectorateId { get; set; }
    public required string Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public double? Baseline { get; set; }
    public string? Objective { get; set; }
    public string? DataSource { get; set; }
    public List<IndicatorTarget> Targets { get; set; } = [];
    public List<IndicatorActual> Actuals { get; set; } = [];
    public Guid Version { get; set; }
}

public class IndicatorTarget
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public double Target { get; set; }
}

/// <summary>The value reported for one period (quarter 1–4) of a year; locked once the director approves.</summary>
public class IndicatorActual : IVersioned, IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public int Period { get; set; }
    public double Value { get; set; }
    public string? Explanation { get; set; }
    public ActualStatus Status { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public Guid Version { get; set; }
}
