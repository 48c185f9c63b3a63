using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Requests;

/// <summary>
/// The category's part of intake in the browser: a question asked and kept with the request, a stop-warning that
/// sends the caller to the emergency line, the admin page that edits both, and the 4982 panel on a detail page.
/// </summary>
public class IntakeQuestionTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task An_abandoned_car_is_taken_with_its_plate_and_the_plate_is_on_the_detail_page()
    {
        var desk = await browser.SignedInPageAsync("demo-halk-personel-1");
        var plate = Field(desk, "Araç plakası (zorunlu)");
        var number = await desk.TakePhoneRequestAsync(browser.BaseUrl, "0532 444 33 22", "Sevgül Kılıçarslan", ("gursel", "Gürsel"),
            ("hurda", "Terk edilmiş (hurda) araç"), "Sokağımızda aylardır duran hurda bir araç var, çocuklar içinde oynuyor.", async () =>
            {
                await desk.GetByTestId("intake-save").ClickAsync();
                await Assertions.Expect(desk.GetByText("\"Araç plakası\" sorusunu yanıtlayın.").First).ToBeVisibleAsync();
                await BrowserApp.AssertAccessibleAsync(desk);
                await plate.FillAsync("34 KGT 482");
                await Field(desk, "Kaç gündür orada?").FillAsync("40");
            });

        await desk.GetByRole(AriaRole.Link, new() { Name = "Başvuruya git" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync($"Başvuru {number}");
        var extras = desk.GetByTestId("detail-extras");
        await Assertions.Expect(extras).ToContainTextAsync("Araç plakası");
        await Assertions.Expect(extras).ToContainTextAsync("34 KGT 482");
        await Assertions.Expect(extras).ToContainTextAsync("Kaç gündür orada?");
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_gas_leak_stops_the_form_and_says_to_call_igdas_187()
    {
        var desk = await browser.SignedInPageAsync("demo-halk-personel-2");
        await desk.GotoAsync(browser.BaseUrl + "/basvurular/yeni");
        await BrowserApp.WaitForCircuitAsync(desk);
        await desk.FillFieldAsync("intake-phone", "0533 765 43 21");
        await desk.FillFieldAsync("intake-name", "Cengiz Ağaoğlu");
        await desk.AutocompleteAsync("intake-category", "gaz", "Doğalgaz kaçağı");

        var stop = desk.GetByTestId("intake-stop");
        await Assertions.Expect(stop).ToContainTextAsync("İGDAŞ 187 Doğalgaz Acil");
        await Assertions.Expect(stop).ToContainTextAsync("başvuru alınmaz");
        await Assertions.Expect(desk.GetByTestId("intake-save")).ToBeDisabledAsync();
        await BrowserApp.AssertAccessibleAsync(desk);

        // Another topic lets the form go on.
        await desk.AutocompleteAsync("intake-category", "asfalt", "Yol bakım");
        await Assertions.Expect(stop).ToHaveCountAsync(0);
        await Assertions.Expect(desk.GetByTestId("intake-save")).ToBeEnabledAsync();
        await desk.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Admin_adds_a_question_on_the_topics_page_and_the_intake_form_asks_it()
    {
        var admin = await browser.SignedInPageAsync("demo-admin");
        await admin.GotoAsync(browser.BaseUrl + "/yonetim/konu-sorulari");
        await BrowserApp.WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Konu soruları ve uyarıları");
        await admin.SelectAsync("admin-category", "Başıboş köpek · Veteriner İşleri Müdürlüğü");
        await admin.FillFieldAsync("admin-question-label", "Köpek sayısı");
        await admin.SelectAsync("admin-question-kind", "Sayı");
        await admin.GetByTestId("admin-question-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("admin-questions")).ToContainTextAsync("Köpek sayısı");
        await BrowserApp.AssertAccessibleAsync(admin);

        var desk = await browser.SignedInPageAsync("demo-halk-personel-1");
        await desk.GotoAsync(browser.BaseUrl + "/basvurular/yeni");
        await BrowserApp.WaitForCircuitAsync(desk);
        await desk.AutocompleteAsync("intake-category", "kopek", "Başıboş köpek");
        await Assertions.Expect(Field(desk, "Köpek sayısı")).ToBeVisibleAsync();
        foreach (var page in new[] { admin, desk }) await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_bilgi_edinme_application_shows_its_legal_path_panel()
    {
        int id;
        await using (var db = browser.App.Database())
            id = await db.Requests.Where(r => r.Type == RequestType.BilgiEdinme).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
        var desk = await browser.SignedInPageAsync("demo-halk-personel-1");
        await desk.GotoAsync($"{browser.BaseUrl}/basvurular/{id}");
        await BrowserApp.WaitForCircuitAsync(desk);

        var panel = desk.GetByTestId("legal-panel");
        await Assertions.Expect(panel).ToContainTextAsync("md. 21 – Özel hayatın gizliliği");
        await Assertions.Expect(panel).ToContainTextAsync("Bilgi Edinme Değerlendirme Kuruluna itiraz");
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.Context.CloseAsync();
    }

    /// <summary>A question's input by its visible label (the question ids are the database's).</summary>
    private static ILocator Field(IPage page, string label) =>
        page.Locator(".mud-input-control", new() { Has = page.Locator("label", new() { HasText = label }) }).Locator("input").First;
}
