using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Intranet.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Infrastructure;

/// <summary>
/// A browser test: skipped outside CI when Debian's chromium is missing; in CI (CI=true) it runs and fails instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserApp.ChromiumPath) && !TestEnvironment.IsCi)
            Skip = $"No chromium at {BrowserApp.ChromiumPath}: run scripts/test.sh (it installs Debian's chromium).";
    }
}

/// <summary>One app on 127.0.0.1 and one headless chromium, shared by the tests of a class.</summary>
public class BrowserApp : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("INTRANET_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IntranetWebFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"CI=true but chromium is not installed at {ChromiumPath}.");
        BaseUrl = App.StartOnLoopback();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(_playwright);
    }

    /// <summary>Never downloads a browser: Debian's chromium, with the flags a closed network needs.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>
    /// A fresh browser context (own cookies) signed in through the development sign-in page; the browser's own time
    /// zone can be set to show that pages keep Istanbul time whatever the client's zone; <paramref name="viewport"/> for a phone.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string objectId, string timezoneId = "Europe/Istanbul", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "tr-TR", TimezoneId = timezoneId, ViewportSize = viewport, IsMobile = viewport is not null, HasTouch = viewport is not null,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        await page.GetByTestId($"signin-{objectId}").ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Waits until Blazor's server circuit is connected, so clicks reach the server.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // Measure colours once confirmations have gone and fade-ins ended: a snackbar fading in or out reads as low
        // contrast, and on a loaded machine its fade can start between the two checks. Spinners loop forever.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", violations)}");
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
