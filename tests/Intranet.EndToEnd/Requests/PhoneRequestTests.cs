using Intranet.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Requests;

/// <summary>A phone request from the call centre to the citizen's answer, as the people involved do it in the browser.</summary>
public class PhoneRequestTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task The_desk_takes_a_call_routes_it_the_directorate_solves_it_and_the_desk_answers_the_citizen()
    {
        // 1. The call-centre operator (screening desk) takes the call.
        var desk = await browser.SignedInPageAsync("demo-halk-personel-1");
        var number = await desk.TakePhoneRequestAsync(browser.BaseUrl, "0532 987 65 43", "Gülay Öztürk", ("caglayan", "Çağlayan"), ("asfalt", "Asfalt"),
            "Çağlayan Caddesi'nde asfalt çökmüş, yağmurda su birikiyor.", async () =>
            {
                await Assertions.Expect(desk.GetByTestId("intake-directorate")).ToContainTextAsync("Fen İşleri");
                await BrowserApp.AssertAccessibleAsync(desk);
            });
        Assert.Matches(@"^2026-\d{6}$", number);

        // 2. The desk screens it and routes it (havale) to Fen İşleri.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Başvuruya git" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync($"Başvuru {number}");
        var requestUrl = desk.Url;
        await Step(desk, "Screen");
        await desk.GetByTestId("action-Route").ClickAsync();
        await desk.SelectAsync("step-directorate", "Fen İşleri Müdürlüğü");
        await desk.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Havale Edildi");
        await BrowserApp.AssertAccessibleAsync(desk);

        // 3. The director of Fen İşleri assigns it to a staff member.
        var director = await browser.SignedInPageAsync("demo-fen-mudur");
        await director.GotoAsync(requestUrl);
        await BrowserApp.WaitForCircuitAsync(director);
        await director.GetByTestId("action-Assign").ClickAsync();
        await director.SelectAsync("step-assignee", "Ilgaz Şimşek");
        await director.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(director.GetByTestId("detail-assignee")).ToHaveTextAsync("Ilgaz Şimşek");

        // 4. The staff member starts and resolves it.
        var worker = await browser.SignedInPageAsync("demo-fen-personel-1");
        await worker.GotoAsync(requestUrl);
        await BrowserApp.WaitForCircuitAsync(worker);
        await Step(worker, "Start");
        await worker.GetByTestId("action-Resolve").ClickAsync();
        await worker.FillFieldAsync("step-note", "Çöken bölüm kazınıp yeniden asfaltlandı.");
        await worker.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(worker.GetByTestId("detail-status")).ToHaveTextAsync("Çözüldü");

        // 5. The desk answers the citizen by phone and closes it.
        await desk.ReloadAsync();
        await BrowserApp.WaitForCircuitAsync(desk);
        await desk.GetByTestId("action-Answer").ClickAsync();
        await desk.SelectAsync("step-channel", "Telefon");
        await desk.FillFieldAsync("step-note", "Vatandaş arandı, asfaltın yenilendiği bildirildi.");
        await desk.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Cevaplandı");
        await Step(desk, "Close");
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Kapandı");

        // Every step is on the detail page's timeline, with who did it.
        var timeline = desk.GetByTestId("detail-timeline");
        foreach (var status in new[] { "Yeni", "Ön İnceleme", "Havale Edildi", "Atandı", "İşlemde", "Çözüldü", "Cevaplandı", "Kapandı" })
            await Assertions.Expect(timeline).ToContainTextAsync(status);
        await Assertions.Expect(timeline).ToContainTextAsync("Ilgaz Şimşek");
        await Assertions.Expect(timeline).ToContainTextAsync("Oğuz Karağaç");
        await Assertions.Expect(desk.GetByTestId("detail-reply")).ToHaveTextAsync("Vatandaş arandı, asfaltın yenilendiği bildirildi.");
        await Assertions.Expect(desk.GetByTestId("detail-citizen")).ToContainTextAsync("G*** Ö***");

        foreach (var page in new[] { desk, director, worker }) await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_failed_save_keeps_what_the_operator_typed_and_says_what_is_wrong()
    {
        var desk = await browser.SignedInPageAsync("demo-halk-personel-2");
        await desk.GotoAsync(browser.BaseUrl + "/basvurular/yeni");
        await BrowserApp.WaitForCircuitAsync(desk);
        await desk.FillFieldAsync("intake-phone", "12345");
        await desk.FillFieldAsync("intake-name", "Ömer Faruk Işık");
        await desk.FillFieldAsync("intake-text", "Parktaki salıncak kırık, çocuklar için tehlikeli.");
        await desk.GetByTestId("intake-save").ClickAsync();

        await Assertions.Expect(desk.GetByTestId("intake-errors")).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByText("Telefon numarası geçersiz").First).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByText("Mahalle seçin.").First).ToBeVisibleAsync();
        await Assertions.Expect(desk.Field("intake-name")).ToHaveValueAsync("Ömer Faruk Işık");
        await Assertions.Expect(desk.Field("intake-text")).ToHaveValueAsync("Parktaki salıncak kırık, çocuklar için tehlikeli.");
        await desk.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_request_list_passes_axe_and_filters_on_the_server()
    {
        var page = await browser.SignedInPageAsync("demo-halk-personel-1");
        await page.GotoAsync(browser.BaseUrl + "/basvurular");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("request-grid").Locator("tbody tr").First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task Step(IPage page, string action)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        await page.GetByTestId("step-save").ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
