using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Core.Requests;
using Intranet.EndToEnd.Infrastructure;
using Intranet.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Muhtars;

/// <summary>A neighbourhood visit as Özel Kalem runs it in the browser, and the muhtar pages under axe.</summary>
public class VisitFlowTests(MessagingBrowserApp browser) : IClassFixture<MessagingBrowserApp>
{
    private static readonly (string Category, string Text, string Priority)[] Raised =
    [
        ("Yol bakım / asfalt", "Hürriyet Caddesi'nde asfalt çökmüş, yağmurda göl oluyor.", "Normal"),
        ("Çöp toplama", "Pazar yeri sonrası çöpler akşama kadar toplanmıyor.", "Yüksek"),
        ("Ağaç budama", "Okul bahçesine sarkan çınar dalları tehlike yaratıyor.", "Acil"),
        ("Sokak lambası arızası", "Cami sokağındaki lambalar bir haftadır yanmıyor.", "Yüksek"),
        ("Kaldırım onarımı", "Muhtarlık önündeki kaldırım taşları sökülmüş.", "Düşük"),
    ];

    [BrowserFact]
    public async Task Ozel_kalem_plans_a_visit_notifies_the_muhtar_enters_five_requests_at_once_and_sees_their_live_status()
    {
        var page = await browser.SignedInPageAsync("demo-ozk-1");
        await page.GotoAsync(browser.BaseUrl + "/muhtarlar/ziyaretler");
        await BrowserApp.WaitForCircuitAsync(page);
        await BrowserApp.AssertAccessibleAsync(page);

        // 1. Plan: the dialog proposes tomorrow 14:00; the visit is saved with its calendar event.
        await page.GetByTestId("visit-new").ClickAsync();
        await page.SelectAsync("visit-neighbourhood", "Hürriyet");
        await page.GetByTestId("visit-save").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hürriyet Mahallesi Ziyareti");
        var visitId = int.Parse(page.Url.Split('/')[^1]);

        // 2. Notice to the muhtar by SMS and e-mail; pressing again sends nothing more.
        await page.GetByTestId("notice-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice-row")).ToContainTextAsync("2 gönderildi");
        await page.GetByTestId("notice-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice-row")).ToHaveCountAsync(1);
        var muhtar = await MuhtarOfAsync("Hürriyet");
        Assert.Equal("90" + muhtar.Phone![1..], Assert.Single(browser.Sms.Received).To);
        // Once to the muhtar; other mail of the running app (the morning press digest) is not this test's business.
        Assert.Equal([muhtar.Email!], Assert.Single(browser.Smtp.Messages, m => m.Recipients.Contains(muhtar.Email!)).Recipients);

        // 3. Five requests raised there, typed into the quick grid and saved in one go.
        for (var i = 0; i < Raised.Length; i++)
        {
            var n = i + 1;
            await page.SelectAsync($"raised-category-{n}", Raised[i].Category);
            await page.FillFieldAsync($"raised-text-{n}", Raised[i].Text);
            if (Raised[i].Priority != "Normal") await page.SelectAsync($"raised-priority-{n}", Raised[i].Priority);
        }
        await page.GetByTestId("raised-save").ClickAsync();
        var rows = page.GetByTestId("visit-raised").Locator("tbody tr");
        // Five intakes and five routings, a transaction each: on the shared CI machine this has taken over 10 s.
        await Assertions.Expect(rows).ToHaveCountAsync(5, new() { Timeout = 60_000 });
        await Assertions.Expect(rows.First).ToContainTextAsync("Acil");
        await Assertions.Expect(rows.First).ToContainTextAsync("Ağaç budama");
        await Assertions.Expect(page.GetByTestId("raised-status")).ToHaveTextAsync(Enumerable.Repeat("Havale Edildi", 5).ToArray());
        await BrowserApp.AssertAccessibleAsync(page);

        // 4. Later a directorate starts work on one of them; the open visit page shows it without a reload.
        await page.EvaluateAsync("() => window.__noReload = true");
        var number = await StartWorkOnFirstRaisedAsync(visitId);
        await Assertions.Expect(page.GetByTestId($"raised-{number}").GetByTestId("raised-status")).ToHaveTextAsync("İşlemde");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "The visit page was reloaded.");

        // 5. Another day, the page opened again shows where things stand.
        await page.ReloadAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId($"raised-{number}").GetByTestId("raised-status")).ToHaveTextAsync("İşlemde");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_muhtar_pages_pass_axe()
    {
        (string User, string Path, string Heading)[] pages =
        [
            ("demo-muht-personel", "/muhtarlar", "Muhtarlar"),
            ("demo-muht-personel", "/mahalleler/karne?mahalle=1", "Mahalle karnesi"),
            ("demo-muht-personel", "/muhtarlar/duyurular", "Muhtarlara duyurular"),
            ("demo-muht-personel", "/muhtarlar/1", "Hüseyin Çakır · Çağlayan Mahallesi Muhtarı"),
            ("demo-ozk-2", "/evrak", "Evrak kayıt"),
            ("demo-ozk-2", "/evrak/sablonlar", "Yazı şablonları"),
            ("demo-ozk-2", "/kardes-sehirler", "Kardeş şehirler"),
            ("demo-ozk-2", "/kardes-sehirler/1", "Visoko (Bosna-Hersek)"),
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

    private async Task<Muhtar> MuhtarOfAsync(string neighbourhood)
    {
        await using var db = Database();
        return await db.Set<Muhtar>().Include(m => m.Neighbourhood).SingleAsync(m => m.Neighbourhood!.Name == neighbourhood && m.TermEnd == null);
    }

    /// <summary>The directorate's step, taken through RequestService as the system, as another person's work would arrive.</summary>
    private async Task<string> StartWorkOnFirstRaisedAsync(int visitId)
    {
        await using var scope = browser.App.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        Request request;
        await using (var db = Database())
            request = await db.Set<VisitRequest>().Where(v => v.VisitId == visitId).OrderBy(v => v.Id)
                .Join(db.Requests, v => v.RequestId, r => r.Id, (v, r) => r).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<RequestService>()
            .ApplyAsync(new RequestStep(request.Id, request.Version, RequestAction.Start, "Ekip yola çıktı."));
        return request.Number;
    }

    private IntranetDbContext Database() =>
        browser.App.Database();
}
