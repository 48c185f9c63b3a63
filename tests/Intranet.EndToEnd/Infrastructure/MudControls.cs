using Microsoft.Playwright;

namespace Intranet.EndToEnd.Infrastructure;

/// <summary>How a person operates MudBlazor's inputs: open a select and click the option, type into an autocomplete.</summary>
public static class MudControls
{
    /// <summary>
    /// The input behind a test id: MudBlazor puts extra attributes on the wrapper of some inputs and on the
    /// &lt;input&gt; itself for others, so both are looked for.
    /// </summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"[data-testid='{testId}'] input, [data-testid='{testId}'] textarea, input[data-testid='{testId}'], textarea[data-testid='{testId}']")
            .Filter(new() { Visible = true }).First;

    /// <summary>Opens the MudSelect marked with this test id and picks the option with exactly this text.</summary>
    public static async Task SelectAsync(this IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").Locator("xpath=ancestor-or-self::div[contains(@class,'mud-select')][1]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(option)}\\s*$") }).First.ClickAsync();
        await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Types into the MudAutocomplete marked with this test id and picks the suggestion with this text.</summary>
    public static async Task AutocompleteAsync(this IPage page, string testId, string typed, string option)
    {
        // Matched as Playwright's HasText matches the suggestion: anywhere, any case.
        var shown = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(option),
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        await page.Field(testId).FillAsync(typed);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        // A pick closes the list and shows the picked name (the suggestions follow the typed text synchronously, so no
        // late search can replace them after the click).
        await Assertions.Expect(page.Field(testId)).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Field(testId)).ToHaveValueAsync(shown);
    }

    /// <summary>Fills the text field or text area marked with this test id.</summary>
    public static Task FillFieldAsync(this IPage page, string testId, string text) => page.Field(testId).FillAsync(text);

    /// <summary>The call-centre operator takes a phone request on the intake page and returns its reference number.</summary>
    public static async Task<string> TakePhoneRequestAsync(this IPage page, string baseUrl, string phone, string name,
        (string Typed, string Pick) neighbourhood, (string Typed, string Pick) category, string text, Func<Task>? beforeSave = null)
    {
        await page.GotoAsync(baseUrl + "/basvurular/yeni");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.FillFieldAsync("intake-phone", phone);
        await page.FillFieldAsync("intake-name", name);
        await page.AutocompleteAsync("intake-neighbourhood", neighbourhood.Typed, neighbourhood.Pick);
        await page.AutocompleteAsync("intake-category", category.Typed, category.Pick);
        await page.FillFieldAsync("intake-text", text);
        if (beforeSave is not null) await beforeSave();
        await page.GetByTestId("intake-save").ClickAsync();
        // The number, or the form's own messages: a refused save fails here with what the operator would read, and a
        // machine loaded by parallel builds gets a minute before the save counts as lost.
        var number = page.GetByTestId("intake-number");
        var refused = page.Locator(".mud-input-helper-text.mud-input-error, .mud-alert-text-error, .mud-snackbar.mud-alert-filled-error");
        try
        {
            // Waiting for the number only: messages of an earlier, deliberately refused save may still be on screen.
            await number.WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException("The intake form refused the save: " + string.Join(" | ", await refused.AllInnerTextsAsync()));
        }
        return (await number.TextContentAsync())!.Trim();
    }
}
