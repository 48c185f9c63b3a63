namespace Intranet.Web.Components.Shared;

/// <summary>The kinds of chart <see cref="ApexChart"/> draws.</summary>
public enum ApexChartType
{
    Bar,
    Line,
    Donut,
}

/// <summary>One named series of values, one per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
