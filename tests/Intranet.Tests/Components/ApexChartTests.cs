using Bunit;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Shared;
using Microsoft.JSInterop;

namespace Intranet.Tests.Components;

/// <summary>The chart is created once and then only updated in place; it is accessible and disposes quietly.</summary>
public class ApexChartTests : MudComponentTest
{
    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSModuleInterop _chart;

    public ApexChartTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module = JSInterop.SetupModule(ApexChart.ModulePath);
        _chart = _module.SetupModule("create", _ => true);
        _chart.SetupVoid("update", _ => true).SetVoidResult();
        _chart.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    private IRenderedComponent<ApexChart> RenderChart(params double[] values) => Render<ApexChart>(p => p
        .Add(c => c.Title, "Mahalle bazında başvurular")
        .Add(c => c.Categories, ["Merkez", "Gürsel"])
        .Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", values)]));

    [Fact]
    public void Creates_the_chart_once_after_the_first_render_in_an_accessible_container()
    {
        var cut = RenderChart(3, 5);

        var create = _module.VerifyInvoke("create");
        Assert.Equal(6, create.Arguments.Count);                      // element, type, height, horizontal, dark, figures
        Assert.Contains("\"categories\":[\"Merkez\",\"Gürsel\"]", (string)create.Arguments[5]!);
        var container = cut.Find(".apex-chart");
        Assert.Equal("figure", container.GetAttribute("role"));
        Assert.Equal("Mahalle bazında başvurular", container.GetAttribute("aria-label"));
        _chart.VerifyNotInvoke("update");
    }

    [Fact]
    public void New_values_update_the_chart_in_place_without_creating_it_again()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [4, 6])]));

        _module.VerifyInvoke("create", calledTimes: 1);
        var update = _chart.VerifyInvoke("update", calledTimes: 1);
        Assert.Contains("\"values\":[4,6]", (string)update[0].Arguments[0]!);
        Assert.Equal(false, update[0].Arguments[1]);                  // same categories: only the series are updated
    }

    [Fact]
    public void New_categories_are_sent_with_the_update()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Categories, ["Merkez", "Gürsel", "Yahya Kemal"]).Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [3, 5, 1])]));

        Assert.Equal(true, _chart.VerifyInvoke("update", calledTimes: 1)[0].Arguments[1]);
    }

    [Fact]
    public void The_same_values_in_a_new_list_do_not_touch_the_chart()
    {
        var cut = RenderChart(3, 5);

        cut.Render(p => p.Add(c => c.Series, [new ApexChart.ChartSeries("Toplam", [3, 5])]).Add(c => c.Categories, ["Merkez", "Gürsel"]));

        _chart.VerifyNotInvoke("update");
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
