using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Core.Requests.Outbox;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Tests.Notifications;

/// <summary>
/// Yönetim → Giden iletiler: with the store on (Development, or Notifications:Store=true) every e-mail and SMS of the
/// demo lands in the database and on the admin page instead of failing; without it and without SMTP/SMS settings
/// (any environment but Development) sending is refused and the page says why.
/// </summary>
public class OutgoingMessagesTests
{
    /// <summary>The demo as scripts/run.sh starts it: the store on, the deadline sweep running from the start.</summary>
    private sealed class DemoApp : IntranetWebFactory
    {
        public DemoApp()
        {
            Settings[OutgoingChannels.StoreSetting] = "true";
            Settings["Escalation:Enabled"] = "true";
        }
    }

    [Fact]
    public async Task The_demo_app_stores_its_escalations_and_records_no_failed_delivery()
    {
        await using var app = new DemoApp();
        app.CreateClient().Dispose(); // starts the app, and with it the first deadline sweep

        // The first sweep has run when every overdue escalation it created is complete (delivered or given a reason).
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.Database();
            return await db.Escalations.AnyAsync(e => e.Kind == EscalationKind.Overdue)
                   && !await db.Escalations.AnyAsync(e => e.Kind == EscalationKind.Overdue && e.CompletedAt == null);
        }, "the first deadline sweep", seconds: 60);

        await using var check = app.Database();
        Assert.Empty(await check.Escalations.Where(e => e.LastError != null).Select(e => e.LastError).ToListAsync());
        var stored = await check.OutgoingMessages.ToListAsync();
        Assert.Contains(stored, m => m is { Kind: MessageKind.Escalation, Channel: MessageChannel.EPosta });
        Assert.Contains(stored, m => m is { Kind: MessageKind.Escalation, Channel: MessageChannel.Sms });
        Assert.All(stored, m => Assert.Equal(OutgoingStatus.Stored, m.Status));
        Assert.Contains(stored, m => m.Text.Contains("Süresi geçen başvuru", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_store_receives_an_answer_and_the_admin_page_lists_it_only_for_admin()
    {
        await using var app = new DemoApp();
        app.Settings["Escalation:Enabled"] = "false";
        app.CreateClient().Dispose();
        int requestId;
        string phone;
        await using (var db = app.Database())
        {
            var request = await db.Requests.Where(r => r.Citizen != null && r.Citizen.AnonymizedAt == null && r.Citizen.Phone!.StartsWith("05"))
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.Citizen!.Phone }).FirstAsync();
            (requestId, phone) = (request.Id, request.Phone!);
        }

        await using (var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<CitizenReplySender>().SendAsync(requestId, "Yolunuz onarıldı.", ReplyChannel.Sms));

        // The service lists it for Admin and refuses anyone else.
        await using (var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
        {
            var user = (WebCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>();
            var queries = scope.ServiceProvider.GetRequiredService<OutgoingMessageQueries>();
            user.ActAs(TestUsers.As(Roles.Admin));
            var page = await queries.ListAsync(new OutgoingFilter(Kind: MessageKind.CitizenReply), 0, 25);
            var row = Assert.Single(page.Rows);
            Assert.Equal((MessageChannel.Sms, phone, OutgoingStatus.Stored), (row.Channel, row.Recipient, row.Status));
            Assert.EndsWith("Yolunuz onarıldı.", row.Text);
            var sms = (await queries.HealthAsync()).Single(h => h.Channel.Channel == MessageChannel.Sms);
            Assert.Equal(ChannelMode.Store, sms.Channel.Mode);
            Assert.NotNull(sms.LastSuccessAt);
            Assert.Equal(0, sms.FailuresLastDay);

            user.ActAs(TestUsers.As(Roles.Director, directorateId: 1));
            await Assert.ThrowsAsync<AccessDeniedException>(() => queries.ListAsync(new OutgoingFilter(), 0, 25));
            await Assert.ThrowsAsync<AccessDeniedException>(() => queries.HealthAsync());
        }

        // The page: Admin sees the channels' health; a director gets 403.
        var admin = await app.SignedInClientAsync("demo-admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/yonetim/giden-iletiler"));
        Assert.Contains("Giden iletiler", html);
        Assert.Contains("Depo kipi: SMS'ler kimseye gönderilmiyor", html);
        var director = await app.SignedInClientAsync("demo-fen-mudur");
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync("/yonetim/giden-iletiler")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_without_settings_the_page_says_sending_is_refused_and_why()
    {
        await using var app = new IntranetWebFactory(); // the Testing environment, no SMTP, no SMS operator, no store
        var admin = await app.SignedInClientAsync("demo-admin");

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/yonetim/giden-iletiler"));

        Assert.Contains($"E-posta gönderimi reddediliyor: {NotConfiguredEmailSender.Error}", html);
        Assert.Contains($"SMS gönderimi reddediliyor: {NotConfiguredSmsSender.Error}", html);
    }

    [Theory]
    [InlineData(null, true, false, ChannelMode.Store)]        // the demo: Development stores what is not configured
    [InlineData(null, true, true, ChannelMode.Send)]          // a developer with a real SMTP server sends
    [InlineData(null, false, false, ChannelMode.NotConfigured)] // Production without settings refuses
    [InlineData(null, false, true, ChannelMode.Send)]
    [InlineData(true, false, true, ChannelMode.Store)]        // a staging server stores even with settings
    [InlineData(false, true, false, ChannelMode.NotConfigured)]
    public void Notifications_Store_and_the_environment_decide_where_messages_go(bool? store, bool development, bool configured, ChannelMode expected)
    {
        var smtp = configured ? new SmtpOptions { Host = "smtp.kagithane.bel.tr", From = "intranet@kagithane.bel.tr" } : new SmtpOptions();
        var sms = configured ? new SmsOptions { Url = "https://sms.example.net/send" } : new SmsOptions();

        var channels = OutgoingChannels.From(smtp, sms, store, development);

        Assert.Equal(expected, channels.Email.Mode);
        Assert.Equal(expected, channels.Sms.Mode);
    }
}
