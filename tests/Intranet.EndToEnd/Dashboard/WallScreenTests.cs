using Intranet.EndToEnd.Infrastructure;
using Intranet.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Dashboard;

/// <summary>The wall screen runs unattended: it signs in with a device link and survives a server restart by itself.</summary>
public class WallScreenTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserApp.ChromiumPath)) throw new InvalidOperationException($"chromium is not installed at {BrowserApp.ChromiumPath}.");
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserApp.LaunchAsync(_playwright);
    }

    [BrowserFact]
    public async Task The_wall_recovers_from_a_server_restart_without_anyone_touching_it()
    {
        var database = Path.Combine(Path.GetTempPath(), $"intranet-wall-{Guid.NewGuid():N}.db");
        var first = new IntranetWebFactory(database);
        var baseUrl = first.StartOnLoopback();
        var port = new Uri(baseUrl).Port;
        var page = await SignInAsync(baseUrl, "demo-duvar-ekrani");
        await page.GotoAsync(baseUrl + "/wall");
        await page.Locator("[data-testid=wall][data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("wall-open")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => window.__beforeRestart = true");

        // The server goes away and comes back on the same address with the same database.
        await first.DisposeAsync();
        await using var second = new IntranetWebFactory(database);
        second.StartOnLoopback(port);

        // No clicks from here: the page notices, waits for the server and reloads itself.
        await page.WaitForFunctionAsync("() => window.__beforeRestart !== true", null, new() { Timeout = 60_000 });
        await page.Locator("[data-testid=wall][data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("wall-open")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        await second.DisposeAsync();
        foreach (var suffix in new[] { "", "-shm", "-wal" }) File.Delete(database + suffix);
    }

    [BrowserFact]
    public async Task Admin_gives_a_screen_a_device_link_and_revoking_it_signs_the_screen_out()
    {
        await using var app = new IntranetWebFactory();
        var baseUrl = app.StartOnLoopback();
        var admin = await SignInAsync(baseUrl, "demo-admin");
        await admin.GotoAsync(baseUrl + "/yonetim/cihazlar");
        await admin.Locator("[data-interactive=true]").WaitForAsync();
        await admin.FillFieldAsync("device-name", "Başkanlık katı");
        await admin.GetByTestId("device-create").ClickAsync();
        var link = (await admin.GetByTestId("device-link").TextContentAsync())!.Trim();
        await BrowserApp.AssertAccessibleAsync(admin);

        var screenContext = await _browser.NewContextAsync(new() { Locale = "tr-TR" });
        var screen = await screenContext.NewPageAsync();
        await screen.GotoAsync(link);
        Assert.EndsWith("/wall", screen.Url);
        await Assertions.Expect(screen.GetByTestId("wall-open")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "İptal et" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("İptal (")).ToBeVisibleAsync();

        await screen.GotoAsync(baseUrl + "/wall");
        Assert.Contains("/hesap/giris", screen.Url);
        await screenContext.CloseAsync();
        await admin.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string baseUrl, string objectId)
    {
        var context = await _browser.NewContextAsync(new() { Locale = "tr-TR", TimezoneId = "Europe/Istanbul" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/hesap/giris");
        await page.GetByTestId($"signin-{objectId}").ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
