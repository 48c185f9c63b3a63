using System.Text.RegularExpressions;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Requests;

/// <summary>A director's bulk work on the request grid: tick rows or take every matching request, run with progress, read the outcome.</summary>
public class BulkWorkTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_director_raises_the_priority_of_every_matching_request_and_reroutes_two_ticked_ones_with_progress_shown()
    {
        await SeedWorkAsync();
        var page = await browser.SignedInPageAsync("demo-fen-mudur");
        await page.GotoAsync(browser.BaseUrl + "/basvurular");
        await BrowserApp.WaitForCircuitAsync(page);
        var grid = page.GetByTestId("request-grid");
        await Assertions.Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync();
        // The grid's first row can be its "loading" row; the count is read once the server's page has arrived.
        await Assertions.Expect(page.GetByTestId("request-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[1-9]"));
        var total = Count(await page.GetByTestId("request-count").TextContentAsync());
        Assert.True(total >= 60, $"Fen İşleri should have at least the 60 seeded open requests, not {total}");
        await Assertions.Expect(page.GetByTestId("bulk-assign")).ToBeDisabledAsync();

        // Tick three rows, then widen the selection to every request the filter matches.
        await TickAsync(page, 0);
        await TickAsync(page, 1);
        await TickAsync(page, 2);
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("3 başvuru seçildi.");
        await page.GetByTestId("bulk-select-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToContainTextAsync($"{total} başvurunun tümü seçildi");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("bulk-priority-open").ClickAsync();
        await page.SelectAsync("bulk-priority", "Acil");
        await page.GetByTestId("bulk-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-summary")).ToContainTextAsync($"Öncelik değişikliği: {total} başvuruda yapıldı.");
        await Assertions.Expect(page.GetByTestId("bulk-progress-text")).ToContainTextAsync($"{total} / {total} işlendi");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Toplu işlem ilerlemesi" })).ToHaveAttributeAsync("aria-valuenow", "100");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("bulk-close").ClickAsync();
        await Assertions.Expect(grid.GetByTestId("priority-chip").First).ToHaveTextAsync("Acil");
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("Toplu işlem için satırları işaretleyin.");

        // Two ticked rows in progress go to Temizlik İşleri: the director's list no longer has them.
        await page.GotoAsync(browser.BaseUrl + "/basvurular?durum=HavaleEdildi,Atandi,Islemde");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("request-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[1-9]"));
        var inProgress = Count(await page.GetByTestId("request-count").TextContentAsync());
        var first = (await grid.Locator("tbody tr").Nth(0).Locator("a").First.TextContentAsync())!.Trim();
        await TickAsync(page, 0);
        await TickAsync(page, 1);
        await page.GetByTestId("bulk-route").ClickAsync();
        await page.SelectAsync("bulk-directorate", "Temizlik İşleri Müdürlüğü");
        await page.GetByTestId("bulk-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-summary")).ToContainTextAsync("Havale: 2 başvuruda yapıldı.");
        await page.GetByTestId("bulk-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-count")).ToHaveTextAsync($"{inProgress - 2} başvuru");
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = first, Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_ready_views_and_the_assignee_filter_narrow_the_list_to_one_persons_or_nobodys_requests()
    {
        await SeedWorkAsync();
        await using var db = Database();
        var fen = await db.Directorates.SingleAsync(d => d.Code == "FEN");
        var ilgaz = await db.Users.SingleAsync(u => u.DisplayName == "Ilgaz Şimşek");
        var open = Request.OpenStatuses;
        var unassigned = await db.Requests.CountAsync(r => r.DirectorateId == fen.Id && r.AssigneeId == null && open.Contains(r.Status));
        var ilgazOpen = await db.Requests.CountAsync(r => r.AssigneeId == ilgaz.Id && open.Contains(r.Status));
        Assert.True(unassigned > 0 && ilgazOpen > 0);
        var page = await browser.SignedInPageAsync("demo-fen-mudur");
        await page.GotoAsync(browser.BaseUrl + "/basvurular");
        await BrowserApp.WaitForCircuitAsync(page);

        await page.GetByTestId("view-unassigned").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("atanmamis=1"));
        await Assertions.Expect(page.GetByTestId("request-count")).ToHaveTextAsync($"{unassigned} başvuru");

        await page.GetByTestId("view-mine").ClickAsync();
        await page.SelectAsync("filter-assignee", "Ilgaz Şimşek");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"atanan={ilgaz.Id}"));
        await Assertions.Expect(page.GetByTestId("request-count")).ToHaveTextAsync($"{ilgazOpen} başvuru");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The demo's year leaves few requests open: 60 fresh ones of Fen İşleri (the newest, so first on the list),
    /// 12 of them assigned to Ilgaz Şimşek. Written once per app (numbers of the year 2099, apart from the demo's).
    /// </summary>
    private async Task SeedWorkAsync()
    {
        await using var db = Database();
        if (await db.Requests.AnyAsync(r => r.Year == 2099)) return;
        var fen = await db.Directorates.SingleAsync(d => d.Code == "FEN");
        var category = await db.Categories.FirstAsync(c => c.DefaultDirectorateId == fen.Id && c.StopWarning == null);
        var ilgaz = await db.Users.SingleAsync(u => u.DisplayName == "Ilgaz Şimşek");
        var neighbourhood = await db.Neighbourhoods.OrderBy(n => n.Id).FirstAsync();
        var now = browser.App.Clock.UtcNow();
        db.Requests.AddRange(Enumerable.Range(1, 60).Select(i => new Request
        {
            Number = RequestNumber.Format(2099, i), Year = 2099, Sequence = i, Type = RequestType.Sikayet, Channel = RequestChannel.Web,
            Status = i <= 12 ? RequestStatus.Atandi : RequestStatus.HavaleEdildi, AssigneeId = i <= 12 ? ilgaz.Id : null,
            Text = $"Toplu işlem denemesi {i}: kaldırım taşları kırık.", NeighbourhoodId = neighbourhood.Id, CategoryId = category.Id,
            DirectorateId = fen.Id, CreatedAt = now.AddMinutes(-i), CreatedOn = IstanbulTime.Today(now), DueAt = now.AddDays(5),
            AnswerDueAt = now.AddDays(5), RoutedAt = now, UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private IntranetDbContext Database() =>
        browser.App.Database();

    private static int Count(string? text) => int.Parse(Regex.Match(text!, @"[\d.]+").Value.Replace(".", ""));

    private static Task TickAsync(IPage page, int row) =>
        page.GetByTestId("request-grid").Locator("tbody tr").Nth(row).Locator("input[type=checkbox]").First.CheckAsync();
}
