using Intranet.Core.Press;
using Intranet.EndToEnd.Infrastructure;
using Intranet.Tests.Press;
using Intranet.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Press;

/// <summary>The app with the daily digest off (it would try to mail at its hour during the run).</summary>
public sealed class PressBrowserApp : BrowserApp
{
    public PressBrowserApp() => App.Settings["Press:DigestEnabled"] = "false";
}

/// <summary>
/// A news site on 127.0.0.1 publishes a new item; "Şimdi tara" on the sources page polls it; the clipping appears on top
/// of the press page, the dashboard's press card and the wall screen open in other windows, over their live circuits,
/// without a reload.
/// </summary>
public class LivePressTests(PressBrowserApp browser) : IClassFixture<PressBrowserApp>
{
    [BrowserFact]
    public async Task A_new_item_on_a_feed_becomes_a_clipping_that_appears_live_on_the_open_press_page()
    {
        await using var site = await FeedServer.StartAsync();
        var first = "Kağıthane Belediyesi Hamidiye'de kreş açtı";
        site.Serve("/kagithane.xml", FeedResponse.Xml(FeedFixtures.RssAt(browser.App.Clock.GetUtcNow().AddMinutes(-5), (first, "k1"), ("Ankara'da kar yağışı", "k2")), "\"v1\""));
        int sourceId;
        await using (var scope = browser.App.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var sources = scope.ServiceProvider.GetRequiredService<PressSourceService>();
            sourceId = await sources.SaveSourceAsync(new SourceForm { Name = "Test Haber Sitesi", FeedUrl = site.Url("/kagithane.xml"), PollMinutes = 60 });
            Assert.Equal(1, (await sources.PollNowAsync(sourceId)).NewClippings);
        }

        var press = await browser.SignedInPageAsync("demo-basin");
        await press.GotoAsync(browser.BaseUrl + "/basin");
        await BrowserApp.WaitForCircuitAsync(press);
        await Assertions.Expect(press.GetByTestId("press-live")).ToHaveAttributeAsync("data-live", "true");
        var titles = press.GetByTestId("clipping-title");
        await Assertions.Expect(titles.First).ToHaveTextAsync(first);
        await press.EvaluateAsync("() => window.__noReload = true");

        // The mayor's office has its dashboard open, and the wall screen shows its panels.
        var dashboard = await browser.SignedInPageAsync("demo-ozk-1");
        await Assertions.Expect(dashboard.GetByTestId("dashboard-press")).ToContainTextAsync(first);
        await dashboard.EvaluateAsync("() => window.__noReload = true");
        var wall = await dashboard.Context.NewPageAsync();
        await wall.GotoAsync(browser.BaseUrl + "/wall");
        await BrowserApp.WaitForCircuitAsync(wall);
        await Assertions.Expect(wall.GetByTestId("wall-panel-press")).ToContainTextAsync(first);
        await wall.EvaluateAsync("() => window.__noReload = true");

        // The site publishes a new story; someone presses "Şimdi tara" in another window.
        var second = "Kağıthane Belediyesi Seyrantepe'ye yeni kütüphane yapıyor";
        site.Serve("/kagithane.xml", FeedResponse.Xml(FeedFixtures.RssAt(browser.App.Clock.GetUtcNow(), (second, "k3"), (first, "k1"), ("Ankara'da kar yağışı", "k2")), "\"v2\""));
        var sourcesPage = await browser.SignedInPageAsync("demo-basin");
        await sourcesPage.GotoAsync(browser.BaseUrl + "/basin/kaynaklar");
        await BrowserApp.WaitForCircuitAsync(sourcesPage);
        await sourcesPage.GetByTestId($"source-poll-{sourceId}").ClickAsync();
        await Assertions.Expect(sourcesPage.GetByTestId($"source-health-{sourceId}")).ToContainTextAsync("Çalışıyor");

        await Assertions.Expect(titles.First).ToHaveTextAsync(second);
        await Assertions.Expect(press.Locator("[data-testid=clipping].clipping-new")).ToHaveCountAsync(1);
        await Assertions.Expect(titles.Nth(1)).ToHaveTextAsync(first);
        Assert.True(await press.EvaluateAsync<bool>("() => window.__noReload === true"), "The press page was reloaded.");
        await Assertions.Expect(dashboard.GetByTestId("dashboard-press").Locator("li").First).ToContainTextAsync(second);
        await Assertions.Expect(wall.GetByTestId("wall-panel-press").Locator("li").First).ToContainTextAsync(second);
        Assert.True(await dashboard.EvaluateAsync<bool>("() => window.__noReload === true"), "The dashboard was reloaded.");
        Assert.True(await wall.EvaluateAsync<bool>("() => window.__noReload === true"), "The wall screen was reloaded.");
        Assert.Equal(2, site.RequestsTo("/kagithane.xml"));

        await BrowserApp.AssertAccessibleAsync(press);
        await BrowserApp.AssertAccessibleAsync(sourcesPage);
        await press.Context.CloseAsync();
        await sourcesPage.Context.CloseAsync();
        await dashboard.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_press_office_triages_inline_and_the_tone_filter_then_shows_it()
    {
        var page = await browser.SignedInPageAsync("demo-basin");
        await page.GotoAsync(browser.BaseUrl + "/basin?yeni=1");
        await BrowserApp.WaitForCircuitAsync(page);
        var card = page.GetByTestId("clipping").First;
        var id = await card.GetAttributeAsync("data-clipping-id");

        await card.GetByRole(AriaRole.Checkbox, new() { Name = "Cevap/tekzip gerekli" }).CheckAsync();
        await Assertions.Expect(card.Locator(".mud-chip", new() { HasText = "Cevap/tekzip" })).ToBeVisibleAsync();

        await page.GotoAsync(browser.BaseUrl + "/basin?cevap=1");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator($"[data-clipping-id='{id}']")).ToHaveCountAsync(1);
        await page.GotoAsync(browser.BaseUrl + "/basin?ton=Olumlu&cevap=1");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=clipping] .tone-olumsuz, [data-testid=clipping] .tone-notr")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
