using System.Net;
using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Tests.Calendar;
using Intranet.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace Intranet.Tests.Web;

/// <summary>The calendar's files through the real app: a private iCalendar subscription and the monthly programme.</summary>
public class CalendarHttpTests(CalendarHttpTests.App app) : IClassFixture<CalendarHttpTests.App>
{
    public sealed class App : IntranetWebFactory;

    private sealed class Factory(IntranetWebFactory app, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => app.Database(user);
    }

    private IntranetDbContext Database(UserContext? user = null) =>
        app.Database(user);

    private async Task<UserContext> UserAsync(string objectId)
    {
        await using var db = Database();
        var u = await db.Users.Include(x => x.Directorate).SingleAsync(x => x.ObjectId == objectId);
        return new UserContext(u.Id, u.ObjectId, u.DisplayName, u.RoleList().ToHashSet(), u.DirectorateId, u.Directorate?.IsScreeningDesk == true);
    }

    private async Task<CalendarFeedService> FeedsOfAsync(string objectId)
    {
        var user = await UserAsync(objectId);
        return new CalendarFeedService(new Factory(app, user), new FixedCurrentUser(user), app.Clock);
    }

    [Fact]
    public async Task A_subscriber_fetches_the_mayors_programme_without_signing_in_until_the_link_is_revoked()
    {
        var feeds = await FeedsOfAsync("demo-ozk-1");
        var secret = await feeds.CreateAsync("Telefonum – Başkanın programı", new CalendarFilter(MayorOnly: true));
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync($"/takvim/abonelik/{secret}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Belediye Takvimi – Telefonum – Başkanın programı", calendar.Properties["X-WR-CALNAME"]?.Value);
        await using var db = Database();
        var now = app.Clock.UtcNow();
        var expected = await db.CalendarEvents.Where(e => e.MayorAttends).InRange(now - CalendarFeedService.Past, now + CalendarFeedService.Ahead)
            .Select(e => e.Id).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(IcsWriter.Uid).Order(), calendar.Events.Select(e => e.Uid).Order());
        // The demo's monthly public day arrives as one series, the way it is stored.
        var series = await db.CalendarEvents.SingleAsync(e => e.Title == "Başkanla Halk Buluşması");
        var vevent = calendar.Events.Single(e => e.Uid == IcsWriter.Uid(series.Id));
        Assert.Equal((series.Title, series.StartsAt, series.EndsAt, series.Place), (vevent.Summary, vevent.DtStart!.AsUtc, vevent.DtEnd!.AsUtc, vevent.Location));
        Assert.Equal((Ical.Net.FrequencyType.Monthly, 12), (vevent.RecurrenceRule!.Frequency, vevent.RecurrenceRule.Count));
        // The mayor's office sees the internal appointments in its own feed.
        Assert.Contains(calendar.Events, e => e.Class == "CONFIDENTIAL" && e.Summary?.StartsWith("Başkan Randevusu") == true);

        var id = (await feeds.MineAsync()).Single(f => f.Name == "Telefonum – Başkanın programı").Id;
        await feeds.RevokeAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/takvim/abonelik/{secret}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/takvim/abonelik/bilinmeyen-anahtar.ics")).StatusCode);
        Assert.NotNull((await feeds.MineAsync()).Single(f => f.Id == id).RevokedAt);
    }

    [Fact]
    public async Task A_directorates_feed_carries_only_what_its_owner_may_see()
    {
        var feeds = await FeedsOfAsync("demo-fen-personel-1");
        var secret = await feeds.CreateAsync("Tüm takvim", CalendarFilter.All);

        var text = await app.CreateClient().GetStringAsync($"/takvim/abonelik/{secret}.ics");

        var events = IcalCalendar.Load(text)!.Events;
        Assert.NotEmpty(events);
        // Internal events of other directorates (the mayor's appointments with citizens' names) stay out.
        await using var db = Database();
        var hidden = (await db.CalendarEvents.Where(e => !e.IsPublic).Select(e => e.Id).ToListAsync()).Select(IcsWriter.Uid).ToList();
        Assert.NotEmpty(hidden);
        Assert.DoesNotContain(events, e => hidden.Contains(e.Uid!));
        Assert.All(events, e => Assert.Equal("PUBLIC", e.Class));
        // Someone else cannot revoke it.
        var other = await FeedsOfAsync("demo-park-personel");
        var id = (await feeds.MineAsync()).Single().Id;
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.RevokeAsync(id));
    }

    [Fact]
    public async Task The_monthly_programme_downloads_as_a_docx_that_lists_the_months_public_events()
    {
        var today = app.Clock.IstanbulToday();
        var client = await app.SignedInClientAsync("demo-basin");

        var response = await client.GetAsync($"/takvim/aylik-program/{today.Year}-{today.Month}.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Intranet.Web.Setup.CalendarSetup.DocxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"etkinlik-programi-{today:yyyy-MM}.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var rows = MonthlyProgrammeTests.TableRows(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        await using var db = Database();
        var from = IstanbulTime.ToUtc(new DateTime(today.Year, today.Month, 1));
        var expected = (await db.CalendarEvents.Where(e => e.IsPublic).InRange(from, from.AddMonths(1).AddHours(1)).ToListAsync())
            .SelectMany(e => RecurrenceExpander.Expand(e, from, IstanbulTime.ToUtc(new DateTime(today.Year, today.Month, 1).AddMonths(1))).Select(_ => e.Title))
            .Order().ToList();
        Assert.Equal(expected, rows.Skip(1).Select(r => r[2]).Order());
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/takvim/aylik-program/{today.Year}-{today.Month}.docx")).StatusCode);
    }
}
