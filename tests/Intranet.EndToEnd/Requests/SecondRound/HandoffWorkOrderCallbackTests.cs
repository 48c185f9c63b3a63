using System.Text.RegularExpressions;
using Intranet.Core.Requests;
using Intranet.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Requests.SecondRound;

/// <summary>
/// The second round as people do it in the browser: the desk forwards a request to İSKİ (the body and the citizen
/// get their messages), two crews close their work orders from phones with photos, a callback reopens a request.
/// </summary>
public class HandoffWorkOrderCallbackTests(MessagingBrowserApp browser) : IClassFixture<MessagingBrowserApp>
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    /// <summary>A 1×1 JPEG, as a phone camera would hand one over (only much smaller).</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

    [BrowserFact]
    public async Task The_desk_forwards_a_request_to_an_outside_body_both_are_told_and_the_statistics_count_it_apart()
    {
        var desk = await browser.SignedInPageAsync("demo-halk-personel-1");
        var forwardedBefore = await ForwardedTotalAsync(desk);
        var number = await desk.TakePhoneRequestAsync(browser.BaseUrl, "0532 555 11 22", "Nihal Yıldız", ("caglayan", "Çağlayan"),
            ("kanaliz", "Kanalizasyon taşması"), "Sokaktaki kanalizasyon rögarı taştı, pis su evlerin önüne akıyor.");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Başvuruya git" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync($"Başvuru {number}");

        await Assertions.Expect(desk.GetByTestId("action-ForwardOutside")).ToHaveTextAsync("Dış kuruma yönlendir");
        await desk.GetByTestId("action-ForwardOutside").ClickAsync();
        await desk.SelectAsync("forward-body", "İSKİ Genel Müdürlüğü");
        await Assertions.Expect(desk.Field("forward-letter")).ToHaveValueAsync(new Regex(number));
        await Assertions.Expect(desk.Field("forward-citizen-text")).ToHaveValueAsync(new Regex("İSKİ Genel Müdürlüğü kurumuna iletilmiştir"));
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.GetByTestId("forward-save").ClickAsync();
        await desk.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Dış Kuruma Yönlendirildi");
        await Assertions.Expect(desk.GetByTestId("detail-sla")).ToContainTextAsync("Dış kurumda");
        await Assertions.Expect(desk.GetByTestId("workorders-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(desk.GetByTestId("handoff-body")).ToContainTextAsync("İSKİ Genel Müdürlüğü");
        await Assertions.Expect(desk.GetByTestId("handoff-message-KurumaYazi")).ToContainTextAsync("E-posta gönderildi");
        await Assertions.Expect(desk.GetByTestId("handoff-message-VatandasaBilgi")).ToContainTextAsync("SMS gönderildi");
        await Assertions.Expect(desk.GetByTestId("detail-timeline")).ToContainTextAsync("İSKİ Genel Müdürlüğü kurumuna yönlendirildi");
        await BrowserApp.AssertAccessibleAsync(desk);

        // What actually went out: the letter to the body's address, the notice to the citizen's mobile.
        var mail = Assert.Single(browser.Smtp.Messages, m => m.Subject.Contains(number));
        Assert.Equal(["kagithane@iski.example"], mail.Recipients);
        Assert.Contains("Nihal Yıldız", mail.Body);
        // The operator takes the number in international form.
        var sms = Assert.Single(browser.Sms.Received, s => s.To.EndsWith("5325551122"));
        Assert.Contains("İSKİ Genel Müdürlüğü", sms.Text);

        // Counted apart: one more forwarded in the statistics; the follow-up list names it.
        Assert.Equal(forwardedBefore + 1, await ForwardedTotalAsync(desk));
        await desk.GotoAsync(browser.BaseUrl + "/basvurular/dis-kurumlar");
        await BrowserApp.WaitForCircuitAsync(desk);
        await Assertions.Expect(desk.GetByTestId("followups")).ToContainTextAsync(number);
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Tab, new() { Name = "Kurum listesi" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("bodies")).ToContainTextAsync("BEDAŞ");
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Two_crews_close_their_work_orders_from_phones_with_photos_and_the_request_is_solved()
    {
        var desk = await browser.SignedInPageAsync("demo-halk-personel-2");
        var (_, requestUrl) = await RoutedToFenAsync(desk, "0533 444 55 66", "Kemal Aydın", ("gultepe", "Gültepe"), ("asfalt", "Asfalt"),
            "Caddede asfalt çöktü, yanındaki ağacın dalları da yola sarkıyor.");

        await PlanAsync(desk, "Fen İşleri Müdürlüğü", "Çöken asfaltın onarımı", "Asfalt Ekibi 2");
        await PlanAsync(desk, "Park ve Bahçeler Müdürlüğü", "Yola sarkan dalların budanması", null);
        var rows = desk.GetByTestId("workorders").Locator("li");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var ids = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.testid.replace('workorder-', ''))");
        await BrowserApp.AssertAccessibleAsync(desk);

        var fen = await browser.SignedInPageAsync("demo-fen-personel-1", viewport: Phone);
        await CloseOnPhoneAsync(fen, ids[0], "Çöken bölüm kazındı, asfalt serildi.", expectSolved: false);
        var park = await browser.SignedInPageAsync("demo-park-personel", viewport: Phone);
        await CloseOnPhoneAsync(park, ids[1], "Dallar budandı, atıklar toplandı.", expectSolved: true);

        await desk.GotoAsync(requestUrl);
        await BrowserApp.WaitForCircuitAsync(desk);
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Çözüldü");
        await Assertions.Expect(desk.GetByTestId("detail-resolution")).ToContainTextAsync("Dallar budandı");
        await Assertions.Expect(desk.GetByTestId("workorders").GetByRole(AriaRole.Link, new() { Name = "Sonra", Exact = true })).ToHaveCountAsync(2);
        await Assertions.Expect(desk.GetByTestId("workorder-status")).ToHaveTextAsync(["Tamamlandı", "Tamamlandı"]);
        foreach (var page in new[] { desk, fen, park }) await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_citizen_who_says_it_is_not_solved_reopens_the_request_in_their_own_words()
    {
        var desk = await browser.SignedInPageAsync("demo-halk-personel-1");
        var (number, requestUrl) = await RoutedToFenAsync(desk, "0542 333 22 11", "Derya Çelik", ("merkez", "Merkez"), ("lamba", "Sokak lambası"),
            "Sokağımızdaki lamba yanmıyor, akşamları karanlık.");
        await desk.GetByTestId("action-Resolve").ClickAsync();
        await desk.FillFieldAsync("step-note", "Lamba değiştirildi.");
        await desk.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Çözüldü");
        await desk.GetByTestId("action-Answer").ClickAsync();
        await desk.SelectAsync("step-channel", "Telefon");
        await desk.FillFieldAsync("step-note", "Lambanın değiştirildiği bildirildi.");
        await desk.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Cevaplandı");
        await Assertions.Expect(desk.GetByTestId("callback-status")).ToHaveTextAsync("Bekliyor");

        await desk.GotoAsync(browser.BaseUrl + "/basvurular/geri-arama");
        await BrowserApp.WaitForCircuitAsync(desk);
        await Assertions.Expect(desk.GetByTestId($"callback-{number}")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.GetByTestId($"callback-record-{number}").ClickAsync();
        await desk.GetByText("Çözülmedi", new() { Exact = true }).ClickAsync();
        await desk.SelectAsync("callback-score", "2");
        await desk.FillFieldAsync("callback-words", "Lamba iki gün yandı, yine sönük.");
        await BrowserApp.AssertAccessibleAsync(desk);
        await desk.GetByTestId("callback-save").ClickAsync();
        await desk.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(desk.GetByTestId($"callback-{number}")).ToHaveCountAsync(0);

        await desk.GotoAsync(requestUrl);
        await BrowserApp.WaitForCircuitAsync(desk);
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Havale Edildi");
        await Assertions.Expect(desk.GetByTestId("detail-timeline")).ToContainTextAsync("Lamba iki gün yandı, yine sönük.");
        await Assertions.Expect(desk.GetByTestId("callback-status")).ToHaveTextAsync("Tamamlandı (1 deneme)");
        await desk.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_monthly_bulletin_and_the_satisfaction_figures_pass_axe()
    {
        var page = await browser.SignedInPageAsync("demo-halk-mudur");
        await page.GotoAsync(browser.BaseUrl + "/basvurular/bulten");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("bulletin-types")).ToContainTextAsync("Bilgi İstemi");
        await Assertions.Expect(page.GetByTestId("bulletin-summary")).ToContainTextAsync("Aynı gün cevaplanma oranı");
        await BrowserApp.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("bulletin-export").ClickAsync());
        Assert.Matches(@"^basvuru-bulteni-\d{4}-\d{2}\.xlsx$", download.SuggestedFilename);

        await page.GotoAsync(browser.BaseUrl + "/basvurular/istatistik");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("satisfaction-table")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>The desk takes a phone request and routes it to Fen İşleri from its detail page; returns its number and address.</summary>
    private async Task<(string Number, string Url)> RoutedToFenAsync(IPage desk, string phone, string name, (string, string) neighbourhood,
        (string, string) category, string text)
    {
        var number = await desk.TakePhoneRequestAsync(browser.BaseUrl, phone, name, neighbourhood, category, text);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Başvuruya git" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync($"Başvuru {number}");
        await desk.GetByTestId("action-Route").ClickAsync();
        await desk.SelectAsync("step-directorate", "Fen İşleri Müdürlüğü");
        await desk.GetByTestId("step-save").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("detail-status")).ToHaveTextAsync("Havale Edildi");
        return (number, desk.Url);
    }

    private static async Task PlanAsync(IPage desk, string directorate, string description, string? crew)
    {
        await desk.SelectAsync("wo-directorate", directorate);
        if (crew is not null) await desk.FillFieldAsync("wo-crew", crew);
        await desk.FillFieldAsync("wo-description", description);
        var before = await desk.GetByTestId("workorders").Locator("li").CountAsync();
        await desk.GetByTestId("wo-create").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("workorders").Locator("li")).ToHaveCountAsync(before + 1);
    }

    /// <summary>A crew member on a 375 px phone: the list, the work order, a photo before, start, a photo after, done.</summary>
    private async Task CloseOnPhoneAsync(IPage phone, string id, string note, bool expectSolved)
    {
        await phone.GotoAsync(browser.BaseUrl + "/ekip");
        await BrowserApp.WaitForCircuitAsync(phone);
        await BrowserApp.AssertAccessibleAsync(phone);
        await phone.GetByTestId($"team-open-{id}").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("wo-status")).ToHaveTextAsync("Planlandı");
        await BrowserApp.WaitForCircuitAsync(phone);

        var before = phone.GetByTestId("wo-photo-Once");
        Assert.Equal("image/*", await before.GetAttributeAsync("accept"));
        Assert.NotNull(await before.GetAttributeAsync("capture"));
        await before.SetInputFilesAsync(new FilePayload { Name = "once.jpg", MimeType = "image/jpeg", Buffer = Photo });
        await Assertions.Expect(phone.GetByTestId("wo-photos-Once").Locator("img")).ToHaveCountAsync(1);
        await phone.GetByTestId("wo-start").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("wo-status")).ToHaveTextAsync("Sahada");
        await phone.GetByTestId("wo-photo-Sonra").SetInputFilesAsync(new FilePayload { Name = "sonra.jpg", MimeType = "image/jpeg", Buffer = Photo });
        await Assertions.Expect(phone.GetByTestId("wo-photos-Sonra").Locator("img")).ToHaveCountAsync(1);
        await phone.FillFieldAsync("wo-note", note);
        await BrowserApp.AssertAccessibleAsync(phone);
        // Usable at 375 px: nothing wider than the screen, so nothing needs sideways scrolling.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The work order page scrolls sideways on a 375 px phone.");

        await phone.GetByTestId("wo-complete").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("wo-status")).ToHaveTextAsync("Tamamlandı");
        if (expectSolved) await Assertions.Expect(phone.GetByTestId("wo-request-solved")).ToBeVisibleAsync();
        else await Assertions.Expect(phone.GetByTestId("wo-request-solved")).ToHaveCountAsync(0);
    }

    /// <summary>The forwarded total in the statistics' footer (the page's default year), read as a number.</summary>
    private async Task<int> ForwardedTotalAsync(IPage page)
    {
        await page.GotoAsync(browser.BaseUrl + "/basvurular/istatistik");
        await BrowserApp.WaitForCircuitAsync(page);
        var text = await page.GetByTestId("statistics-forwarded-total").First.InnerTextAsync();
        return int.Parse(text.Replace(".", "").Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
