using Intranet.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Shell;

public class SignInTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_person_signs_in_through_the_development_page_and_sees_the_turkish_dashboard()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "tr-TR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/");
        Assert.Contains("/hesap/giris", page.Url);
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("signin-demo-fen-personel-1").ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gösterge Paneli");
        await Assertions.Expect(page.GetByTestId("dashboard-updated")).ToContainTextAsync("Son güncelleme");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Başvurular" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("summary-Açık başvuru")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task Admin_edits_a_users_directorate_inline_and_the_page_passes_axe()
    {
        var page = await browser.SignedInPageAsync("demo-admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kullanıcılar" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kullanıcılar");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await browser.SignedInPageAsync("demo-ozk-1");
        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oturumu kapat" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/hesap/giris"));

        await page.GotoAsync(browser.BaseUrl + "/");
        Assert.Contains("/hesap/giris", page.Url);
        await page.Context.CloseAsync();
    }
}
