using Bunit;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Shared;
using Microsoft.JSInterop;

namespace Intranet.Tests.Components;

/// <summary>The chart is created once and gets its figures with the render (updated in place by the browser module); it is accessible and disposes quietly.</summary>
public class ApexChartTests : MudComponentTest
{
    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSModuleInterop _chart;

    public ApexChartTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module = JSInterop.SetupModule(ApexChart.ModulePath);
        _chart = _module.SetupModule("create", _ => true);
        _chart.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    private IRenderedComponent<ApexChart> RenderChart(params double[] values) => Render<ApexChart>(p => p
        .Add(c => c.Title, "Mahalle bazında başvurular")
        .Add(c => c.Categories, ["Merkez", "Gürsel"])
        .Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", values)]));

    [Fact]
    public void Creates_the_chart_once_after_the_first_render_in_an_accessible_container_carrying_its_figures()
    {
        var cut = RenderChart(3, 5);

        var create = _module.VerifyInvoke("create");
        Assert.Equal(5, create.Arguments.Count);                      // element, type, height, horizontal, dark
        var container = cut.Find(".apex-chart");
        Assert.Equal("figure", container.GetAttribute("role"));
        Assert.Equal("Mahalle bazında başvurular", container.GetAttribute("aria-label"));
        // The browser module reads the figures from the element and watches them there.
        Assert.Equal("""{"categories":["Merkez","Gürsel"],"series":[{"name":"Toplam","values":[3,5]}]}""", container.GetAttribute("data-chart"));
    }

    [Fact]
    public void New_values_reach_the_chart_with_the_render_without_creating_it_again()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [4, 6])]));

        _module.VerifyInvoke("create", calledTimes: 1);
        Assert.Contains("\"values\":[4,6]", cut.Find(".apex-chart").GetAttribute("data-chart"));
    }

    [Fact]
    public void New_categories_go_with_the_figures()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Categories, ["Merkez", "Gürsel", "Yahya Kemal"]).Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [3, 5, 1])]));

        Assert.Contains("\"categories\":[\"Merkez\",\"Gürsel\",\"Yahya Kemal\"]", cut.Find(".apex-chart").GetAttribute("data-chart"));
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
    public async Task Disposing_destroys_the_chart()
    {
        var cut = RenderChart(1, 2);

        await cut.Instance.DisposeAsync();

        _chart.VerifyInvoke("destroy", calledTimes: 1);
    }

    [Fact]
    public async Task A_lost_circuit_while_disposing_is_not_an_error()
    {
        var cut = RenderChart(1, 2);
        _chart.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("gone"));

        await cut.Instance.DisposeAsync();
    }
}
