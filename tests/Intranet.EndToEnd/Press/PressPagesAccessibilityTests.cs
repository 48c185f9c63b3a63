using Intranet.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Press;

/// <summary>Every press page renders its heading and passes axe (WCAG 2.1 AA); the digest prints without the menus.</summary>
public class PressPagesAccessibilityTests(PressBrowserApp browser) : IClassFixture<PressBrowserApp>
{
    [BrowserFact]
    public async Task Each_press_page_passes_axe()
    {
        (string Path, string Heading)[] pages =
        [
            ("/basin", "Basın"), ("/basin/arsiv?ara=kağıthane", "Basın Arşivi"), ("/basin/ozet", "Günlük Basın Özeti"),
            ("/basin/rakamlar", "Basın Rakamları"), ("/basin/yeni", "Elle kupür ekle"), ("/basin/kaynaklar", "Haber Kaynakları"),
            ("/basin/kurallar", "Anahtar Kelime Kuralları"), ("/basin/bultenler", "Basın Bültenleri"), ("/basin/gazeteciler", "Gazeteci Listesi"),
            ("/basin/kupur/1", "Haber kupürü"),
        ];
        var page = await browser.SignedInPageAsync("demo-basin");
        foreach (var (path, heading) in pages)
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await BrowserApp.AssertAccessibleAsync(page);
        }
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_mayors_office_reads_the_digest_and_prints_it_without_the_menus()
    {
        var page = await browser.SignedInPageAsync("demo-ozk-1");
        await page.GotoAsync(browser.BaseUrl + "/basin/ozet");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("digest")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".press-tabs")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("digest")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_mayors_office_approves_a_release_the_press_office_submitted()
    {
        var page = await browser.SignedInPageAsync("demo-ozk-1");
        await page.GotoAsync(browser.BaseUrl + "/basin/bultenler");
        await BrowserApp.WaitForCircuitAsync(page);
        var pending = page.GetByTestId("release").Filter(new() { HasText = "Gültepe Kütüphanesi" });
        await Assertions.Expect(pending.GetByTestId("release-status")).ToHaveTextAsync("Onay bekliyor");

        await pending.GetByTestId("release-Approve").ClickAsync();

        await Assertions.Expect(pending.GetByTestId("release-status")).ToHaveTextAsync("Onaylandı");
        await Assertions.Expect(pending).ToContainTextAsync("Onaylayan: Şebnem Güldağ");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
