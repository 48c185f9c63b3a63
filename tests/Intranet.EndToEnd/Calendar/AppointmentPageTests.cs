using System.Text.RegularExpressions;
using Intranet.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Calendar;

/// <summary>An appointment with the mayor from the request to the recorded meeting, as Özel Kalem does it.</summary>
public class AppointmentPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_request_is_taken_scheduled_in_the_mayors_free_time_and_recorded_as_held()
    {
        const string name = "Nurcan Işıkdoğan";
        var page = await browser.SignedInPageAsync("demo-ozk-2");
        await page.GotoAsync(browser.BaseUrl + "/randevular");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("appointment-list")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);

        // 1. The request, taken down from a phone call: it waits for evaluation.
        await page.GetByTestId("appointment-new").ClickAsync();
        await page.FillFieldAsync("appointment-name", name);
        await page.FillFieldAsync("appointment-phone", "0532 555 44 33");
        await page.FillFieldAsync("appointment-subject", "Sokağımızdaki çocuk parkının yenilenmesi");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("appointment-save").ClickAsync();
        var row = page.GetByTestId("appointment-list").Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToBeVisibleAsync();

        // 2. Evaluated: the first free time in the mayor's programme is proposed and confirmed; the SMS is attempted and
        //    its failure (no SMS operator in the test app) is shown, not swallowed.
        await row.GetByTestId("appointment-schedule").ClickAsync();
        await page.GetByTestId("schedule-slots").Locator("input[type=radio]").First.CheckAsync();
        await Assertions.Expect(page.GetByTestId("schedule-chosen")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("schedule-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-outcomes")).ToContainTextAsync("SMS gönderilemedi");
        await page.GetByTestId("schedule-done").ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Planlanan") }).ClickAsync();
        row = page.GetByTestId("appointment-list").Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);

        // 3. The meeting is held and its outcome recorded.
        await row.GetByTestId("appointment-complete").ClickAsync();
        await page.FillFieldAsync("note-text", "Park Park ve Bahçeler Müdürlüğünün yatırım programına alındı.");
        await page.GetByTestId("note-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Görüşülen") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("appointment-list").Locator("tr", new() { HasText = name }))
            .ToContainTextAsync("Park Park ve Bahçeler Müdürlüğünün yatırım programına alındı.");
        await page.Context.CloseAsync();
    }
}
