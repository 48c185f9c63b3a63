using Bunit;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Shared;
using Microsoft.JSInterop;

namespace Intranet.Tests.Components;

/// <summary>
/// The chart is an &lt;apex-chart&gt; element that carries its figures as attributes (the browser creates, updates and
/// destroys the chart itself: see wwwroot/js/apexchart.js); it makes no JS interop call and is accessible.
/// </summary>
public class ApexChartTests : MudComponentTest
{
    public ApexChartTests() => JSInterop.Mode = JSRuntimeMode.Strict; // any interop call would fail the test

    private IRenderedComponent<ApexChart> RenderChart(params double[] values) => Render<ApexChart>(p => p
        .Add(c => c.Title, "Mahalle bazında başvurular")
        .Add(c => c.Horizontal, true)
        .Add(c => c.Categories, ["Merkez", "Gürsel"])
        .Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", values)]));

    [Fact]
    public void Renders_an_accessible_chart_element_carrying_its_look_and_figures()
    {
        var cut = RenderChart(3, 5);

        var chart = cut.Find("apex-chart");
        Assert.Equal("figure", chart.GetAttribute("role"));
        Assert.Equal("Mahalle bazında başvurular", chart.GetAttribute("aria-label"));
        Assert.Equal("bar", chart.GetAttribute("data-type"));
        Assert.Equal("true", chart.GetAttribute("data-horizontal"));
        Assert.Equal("""["Merkez","Gürsel"]""", chart.GetAttribute("data-categories"));
        Assert.Equal("""[{"name":"Toplam","values":[3,5]}]""", chart.GetAttribute("data-series"));
    }

    [Fact]
    public void New_values_reach_the_same_element_with_the_render()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [4, 6])]));

        var chart = cut.Find("apex-chart");
        Assert.Contains("\"values\":[4,6]", chart.GetAttribute("data-series"));
        // The categories' text is unchanged, so the render's diff does not send them to the screen again.
        Assert.Equal("""["Merkez","Gürsel"]""", chart.GetAttribute("data-categories"));
    }

    [Fact]
    public void New_categories_go_with_the_figures()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Categories, ["Merkez", "Gürsel", "Yahya Kemal"]).Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [3, 5, 1])]));

        Assert.Equal("""["Merkez","Gürsel","Yahya Kemal"]""", cut.Find("apex-chart").GetAttribute("data-categories"));
        Assert.Contains("\"values\":[3,5,1]", cut.Find("apex-chart").GetAttribute("data-series"));
    }

    [Fact]
    public void The_same_values_in_new_lists_do_not_draw_the_chart_again()
    {
        var cut = RenderChart(3, 5);
        var renders = cut.RenderCount;

        cut.Render(p => p.Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [3, 5])]).Add(c => c.Categories, ["Merkez", "Gürsel"]));

        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public void The_fragment_the_dashboard_cards_draw_is_the_same_element_as_the_component()
    {
        var component = RenderChart(3, 5);
        var fragment = Render(ApexChart.Of("bar", "Mahalle bazında başvurular", ["Merkez", "Gürsel"],
            [new ApexChart.ChartSeries("Toplam", [3, 5])], horizontal: true));

        fragment.MarkupMatches(component.Markup);
    }
}
