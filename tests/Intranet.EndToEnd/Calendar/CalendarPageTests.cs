using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using IcalCalendar = Ical.Net.Calendar;

namespace Intranet.EndToEnd.Calendar;

/// <summary>The municipal calendar as Özel Kalem uses it: a recurring meeting, a drag, the mayor's clash, a subscription.</summary>
public class CalendarPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Meeting = "Muhtarlar Toplantısı (deneme)";

    private IntranetDbContext Database() =>
        browser.App.Database();

    /// <summary>A Tuesday about ten weeks ahead: past the demo events, which lie around today.</summary>
    private DateOnly Tuesday()
    {
        var day = browser.App.Clock.IstanbulToday().AddDays(70);
        while (day.DayOfWeek != DayOfWeek.Tuesday) day = day.AddDays(1);
        return day;
    }

    private static DateTime Utc(DateOnly day, int hour) => IstanbulTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));

    private async Task<int> AddMayorsOpeningAsync(DateOnly day)
    {
        await using var db = Database();
        var opening = new CalendarEvent
        {
            Title = "Hamidiye Kreşi Açılışı", Type = EventType.Acilis, DirectorateId = await db.Directorates.Where(d => d.Code == "PARK").Select(d => d.Id).SingleAsync(),
            StartsAt = Utc(day, 11), EndsAt = Utc(day, 12), MayorAttends = true, Place = "Hamidiye Mahallesi",
        };
        db.CalendarEvents.Add(opening);
        await db.SaveChangesAsync();
        return opening.Id;
    }

    [BrowserFact]
    public async Task A_weekly_meeting_is_created_one_occurrence_dragged_into_a_clash_the_mayor_is_warned_and_the_programme_subscribed()
    {
        var tuesday = Tuesday();
        var wednesday = tuesday.AddDays(1);
        await AddMayorsOpeningAsync(wednesday);
        // The browser thinks it is in New York: the calendar still shows and saves Istanbul time.
        var page = await browser.SignedInPageAsync("demo-ozk-1", "America/New_York");
        await page.GotoAsync($"{browser.BaseUrl}/takvim?tarih={tuesday:yyyy-MM-dd}&gorunum=hafta");
        await page.Locator("[data-testid=calendar][data-ready=true]").WaitForAsync();

        // 1. A weekly meeting on Tuesdays 10:00–12:00, four times, with the mayor.
        await page.GetByTestId("calendar-new").ClickAsync();
        await page.FillFieldAsync("event-title", Meeting);
        await page.SelectAsync("event-type", "Muhtar toplantısı");
        await page.SelectAsync("event-directorate", "Muhtarlık İşleri Müdürlüğü");
        await FillAndLeaveAsync(page, "event-start-date", tuesday.ToString("dd.MM.yyyy"));
        await FillAndLeaveAsync(page, "event-start-time", "10:00");
        await FillAndLeaveAsync(page, "event-end-date", tuesday.ToString("dd.MM.yyyy"));
        await FillAndLeaveAsync(page, "event-end-time", "12:00");
        await page.GetByLabel("Başkan katılıyor").CheckAsync();
        await page.SelectAsync("event-repeat", "Haftalık");
        await page.SelectAsync("event-repeat-end", "Belirli sayıda");
        await FillAndLeaveAsync(page, "event-repeat-count", "4");
        await Assertions.Expect(page.GetByTestId("event-repeat-text")).ToHaveTextAsync("Her hafta Salı, 4 kez");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("event-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var occurrence = page.Locator("[role=button]", new() { HasText = Meeting });
        await Assertions.Expect(occurrence).ToHaveCountAsync(1);
        await Assertions.Expect(occurrence).ToContainTextAsync("10:00");
        int seriesId;
        await using (var db = Database())
        {
            var series = await db.CalendarEvents.SingleAsync(e => e.Title == Meeting);
            (seriesId, var rule, var start) = (series.Id, series.RecurrenceRule, series.StartsAt);
            Assert.Equal(("FREQ=WEEKLY;BYDAY=TU;COUNT=4", Utc(tuesday, 10)), (rule, start));
        }

        // 2. That Tuesday's meeting is dragged to Wednesday 11:00, onto the mayor's opening.
        var box = (await occurrence.BoundingBoxAsync())!;
        var headers = page.Locator("[role=columnheader]");
        var dayWidth = (await headers.Nth(2).BoundingBoxAsync())!.X - (await headers.Nth(1).BoundingBoxAsync())!.X;
        var (x, y) = (box.X + box.Width / 2, box.Y + 8);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 5, y + 5, new() { Steps = 3 });
        await page.Mouse.MoveAsync(x + dayWidth, y + box.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yalnız bu tekrar" }).ClickAsync();

        // The mayor's clash is shown before anything is saved; moving it anyway is a deliberate click.
        var warning = page.Locator(".mud-dialog", new() { HasText = "Başkanın programıyla çakışma" });
        await Assertions.Expect(warning).ToContainTextAsync("Hamidiye Kreşi Açılışı");
        await using (var db = Database())
            Assert.Null((await db.CalendarEvents.SingleAsync(e => e.Id == seriesId)).ExceptionDates);
        await warning.GetByRole(AriaRole.Button, new() { Name = "Yine de taşı" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Etkinlik taşındı.")).ToBeVisibleAsync();
        await using (var db = Database())
        {
            Assert.Equal([Utc(tuesday, 10)], RecurrenceExpander.ParseExceptions((await db.CalendarEvents.SingleAsync(e => e.Id == seriesId)).ExceptionDates));
            var moved = await db.CalendarEvents.SingleAsync(e => e.SeriesId == seriesId);
            Assert.Equal((Utc(wednesday, 11), Utc(wednesday, 13), Utc(tuesday, 10)), (moved.StartsAt, moved.EndsAt, moved.OriginalStartsAt));
        }

        // 3. Opening the moved meeting, the dialog warns of the clash before any save.
        await page.Locator("[role=button]", new() { HasText = Meeting }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("event-conflicts")).ToContainTextAsync("Hamidiye Kreşi Açılışı");
        await Assertions.Expect(page.GetByTestId("event-save")).ToHaveTextAsync("Yine de kaydet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vazgeç" }).ClickAsync();
        await BrowserApp.AssertAccessibleAsync(page);

        // 4. A private subscription to the mayor's programme, fetched as a phone would.
        await page.GetByTestId("calendar-feeds").ClickAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await page.FillFieldAsync("feed-name", "Telefonum – Başkanın programı");
        await page.GetByLabel("Yalnız Başkan'ın programı").CheckAsync();
        await page.GetByTestId("feed-create").ClickAsync();
        var link = (await page.GetByTestId("feed-link").TextContentAsync())!.Trim();
        Assert.StartsWith(browser.BaseUrl + "/takvim/abonelik/", link);
        await BrowserApp.AssertAccessibleAsync(page);
        using var http = new HttpClient();
        var feed = IcalCalendar.Load(await http.GetStringAsync(link))!;
        var vevent = feed.Events.Single(e => e.Uid == IcsWriter.Uid(seriesId));
        Assert.Equal((Meeting, 4, Utc(tuesday, 10)), (vevent.Summary, vevent.RecurrenceRule!.Count!.Value, vevent.DtStart!.AsUtc));
        Assert.Equal([Utc(tuesday, 10)], vevent.ExceptionDates.GetAllDates().Select(d => d.AsUtc));
        Assert.Contains(feed.Events, e => e.Summary == Meeting && e.RecurrenceRule is null && e.DtStart!.AsUtc == Utc(wednesday, 11));
        Assert.Contains(feed.Events, e => e.Summary == "Hamidiye Kreşi Açılışı");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_new_event_for_today_appears_on_the_dashboard_and_the_wall_without_a_reload()
    {
        var dashboard = await browser.SignedInPageAsync("demo-ozk-2");
        await Assertions.Expect(dashboard.GetByTestId("dashboard-events")).ToBeVisibleAsync();
        var wall = await dashboard.Context.NewPageAsync();
        await wall.GotoAsync(browser.BaseUrl + "/wall");
        await wall.Locator("[data-testid=wall][data-interactive=true]").WaitForAsync();

        // Another member of Özel Kalem adds an event for later today (straight through the service, as the dialog does).
        var now = browser.App.Clock.IstanbulNow();
        var start = now.Hour >= 22 ? now.Date.AddHours(23) : now.Date.AddHours(now.Hour + 1);
        {
            await using var context = browser.App.Database();
            var ozk = await context.Directorates.Where(d => d.Code == "OZK").Select(d => d.Id).SingleAsync();
            var service = new CalendarService(new OneContext(browser.App), new FixedCurrentUser(UserContext.System), browser.App.Services.GetRequiredService<IChangeFeed>());
            await service.SaveAsync(new EventForm
            {
                Title = "Canlı Güncelleme Töreni", Type = EventType.Toren, DirectorateId = ozk, Start = start, End = start.AddMinutes(30),
            }, confirmConflicts: true);
        }

        await Assertions.Expect(dashboard.GetByTestId("dashboard-events")).ToContainTextAsync("Canlı Güncelleme Töreni");
        await Assertions.Expect(wall.GetByTestId("wall-panel-events")).ToContainTextAsync("Canlı Güncelleme Töreni");
        await dashboard.Context.CloseAsync();
    }

    private sealed class OneContext(Intranet.Tests.Infrastructure.IntranetWebFactory app) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => app.Database();
    }

    /// <summary>MudBlazor's editable pickers and numeric fields take a typed value when the field loses focus.</summary>
    private static async Task FillAndLeaveAsync(IPage page, string testId, string value)
    {
        await page.Field(testId).FillAsync(value);
        await page.Field(testId).PressAsync("Tab");
    }
}
