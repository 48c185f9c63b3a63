using Intranet.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Shell;

/// <summary>Every main page, opened by a user who may see it, renders its heading and has no WCAG 2.1 AA violation.</summary>
public class MainPagesAccessibilityTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Each_main_page_passes_axe()
    {
        (string User, string Path, string Heading)[] pages =
        [
            ("demo-basin", "/basin", "Basın"),
            ("demo-ozk-1", "/takvim", "Takvim"),
            ("demo-ozk-1", "/takvim/aylik-program", "Aylık etkinlik programı"),
            ("demo-ozk-1", "/takvim/abonelikler", "Takvim aboneliklerim"),
            ("demo-ozk-1", "/takvim/ice-aktar", "Takvime .ics dosyası aktar"),
            ("demo-ozk-1", "/randevular", "Başkanlık randevuları"),
            ("demo-fen-mudur", "/performans", "Performans"),
            ("demo-admin", "/yonetim/tatiller", "Resmî tatiller"),
            ("demo-admin", "/yonetim/giden-iletiler", "Giden iletiler"),
            ("demo-halk-personel-1", "/basvurular/yeni", "Yeni başvuru"),
        ];
        foreach (var group in pages.GroupBy(p => p.User))
        {
            var page = await browser.SignedInPageAsync(group.Key);
            foreach (var (_, path, heading) in group)
            {
                await page.GotoAsync(browser.BaseUrl + path);
                await BrowserApp.WaitForCircuitAsync(page);
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
                await BrowserApp.AssertAccessibleAsync(page);
            }
            await page.Context.CloseAsync();
        }
    }
}
