using System.Runtime.CompilerServices;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Web.Components.Shared;

namespace Intranet.Web.Components.Pages.Dashboard;

/// <summary>
/// A chart's categories and series, built once per snapshot part and kept in a weak table keyed by that part: every
/// screen showing the same snapshot (dashboards and wall alike) hands its chart the same objects, so the chart can
/// tell by reference that nothing changed, and no screen builds or keeps its own copy.
/// </summary>
public sealed record ChartData(IReadOnlyList<string> Categories, IReadOnlyList<ApexChart.ChartSeries> Series)
{
    private static readonly ConditionalWeakTable<IReadOnlyList<CountRow>, ChartData> Neighbourhoods = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<DirectorateRow>, ChartData> Directorates = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<MixRow>, ChartData> Mixes = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<TrendPoint>, ChartData> Trends = new();

    /// <summary>Open and overdue requests per neighbourhood.</summary>
    public static ChartData Of(IReadOnlyList<CountRow> rows) => Neighbourhoods.GetValue(rows, r => new(r.Select(x => x.Name).ToList(),
        [new("Açık", r.Select(x => (double)x.Open).ToList()), new("Geciken", r.Select(x => (double)x.Overdue).ToList())]));

    /// <summary>Open and overdue requests per directorate.</summary>
    public static ChartData Of(IReadOnlyList<DirectorateRow> rows) => Directorates.GetValue(rows, r => new(r.Select(x => x.Name).ToList(),
        [new("Açık", r.Select(x => (double)x.Open).ToList()), new("Geciken", r.Select(x => (double)x.Overdue).ToList())]));

    /// <summary>Requests per channel or category.</summary>
    public static ChartData Of(IReadOnlyList<MixRow> rows) => Mixes.GetValue(rows, r => new(r.Select(x => x.Name).ToList(),
        [new("Başvuru", r.Select(x => (double)x.Count).ToList())]));

    /// <summary>New and closed requests per day.</summary>
    public static ChartData Of(IReadOnlyList<TrendPoint> trend) => Trends.GetValue(trend, t => new(t.Select(x => x.Day.ToString("dd.MM", TurkishText.Culture)).ToList(),
        [new("Gelen", t.Select(x => (double)x.New).ToList()), new("Kapanan", t.Select(x => (double)x.Closed).ToList())]));
}
