using Intranet.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Requests;

public class StatisticsPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_staff_member_sees_charts_and_tables_of_their_directorate_and_the_chart_updates_in_place()
    {
        var page = await browser.SignedInPageAsync("demo-fen-personel-1");
        await page.GotoAsync(browser.BaseUrl + "/basvurular/istatistik");
        // The browser draws charts of the prerendered page too: mark one only after the circuit has replaced it.
        await BrowserApp.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Başvuru İstatistikleri");
        var chart = page.GetByRole(AriaRole.Figure).Filter(new() { Has = page.Locator(".apexcharts-canvas") });
        await Assertions.Expect(chart.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        // Counts link to the list with the list's own query-string keys.
        var link = page.Locator("table tbody a[href*='/basvurular?']").First;
        Assert.Contains("mahalle=", await link.GetAttributeAsync("href"));

        // Mark the chart's container: an in-place update keeps it, a re-created component would replace it.
        await page.GetByTestId("apex-chart").First.EvaluateAsync("e => e.dataset.mark = 'same'");
        const string DrawnBars = "() => document.querySelector('[data-testid=apex-chart] .apexcharts-series')?.innerHTML ?? ''";
        var barsBefore = await page.EvaluateAsync<string>(DrawnBars);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Kanal" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Web" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody a[href*='kanal=Web']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=apex-chart][data-mark=same] .apexcharts-canvas")).ToHaveCountAsync(1);
        // ...and the chart drew the channel's figures (the browser module follows the figures the render brought).
        await page.WaitForFunctionAsync($"before => ({DrawnBars})() !== before", barsBefore);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Müdürlük" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Fen İşleri Müdürlüğü" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
