using Intranet.Core.Common;
using Intranet.Core.Muhtars;
using Intranet.Core.Notifications;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Muhtars;

/// <summary>Announcements and visit notices through the real SMTP and HTTP SMS senders to local stand-ins.</summary>
public sealed class AnnouncementTests : IAsyncLifetime
{
    // On disk: the double-trigger test needs separate connections, so the two sends really race.
    private readonly MuhtarWorld _world = new(onDisk: true);
    private readonly SmtpSink _smtp = new();
    private SmsEndpoint _sms = null!;
    private UserContext _staff = null!;

    public async Task InitializeAsync()
    {
        _sms = await SmsEndpoint.StartAsync();
        _world.UseSenders(
            new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false, From = "intranet@kagithane.bel.tr" }),
            new HttpSmsSender(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, new SmsOptions { Url = _sms.Url, Sender = "KAGITHANE" }));
        _staff = _world.As("demo-muht-personel");
    }

    public async Task DisposeAsync()
    {
        await _sms.DisposeAsync();
        await _smtp.DisposeAsync();
        _world.Dispose();
    }

    private int[] Neighbourhoods(params string[] names) => names.Select(_world.Requests.NeighbourhoodId).ToArray();

    [Fact]
    public async Task An_announcement_goes_to_each_chosen_muhtar_by_sms_and_email_with_a_delivery_log()
    {
        var draft = new AnnouncementDraft(Guid.NewGuid(), "Kış hazırlıkları", "Kar küreme ekiplerimiz için mahallenizdeki dar sokakları bildirmenizi rica ederiz.",
            BySms: true, ByEmail: true, Neighbourhoods("Çağlayan", "Gürsel", "Yeşilce"));

        var outcome = await _world.Announcements(_staff).SendAsync(draft);

        Assert.Equal(new DeliveryResult(6, 0), outcome.Result);
        var caglayan = _world.CurrentMuhtar("Çağlayan");
        Assert.Equal(3, _sms.Received.Count);
        Assert.Contains(_sms.Received, s => s.To == "90" + caglayan.Phone![1..] && s.Text.StartsWith("Kar küreme", StringComparison.Ordinal));
        Assert.Equal(3, _smtp.Messages.Count);
        var mail = Assert.Single(_smtp.Messages, m => m.Recipients.Contains(caglayan.Email!));
        Assert.Equal("Kış hazırlıkları", mail.Subject);
        Assert.Contains("Sayın Muhtarım", mail.Body);

        var log = await _world.Announcements(_world.As("demo-fen-personel-1")).LogAsync(outcome.AnnouncementId);
        Assert.Equal(6, log.Count);
        Assert.All(log, l => Assert.Equal(DeliveryStatus.Gonderildi, l.Status));
        Assert.Equal(["Çağlayan", "Çağlayan", "Gürsel", "Gürsel", "Yeşilce", "Yeşilce"], log.Select(l => l.Neighbourhood));
        var row = Assert.Single(await _world.Announcements(_staff).ListAsync());
        Assert.Equal((6, 0, 0), (row.Sent, row.Failed, row.Pending));
    }

    [Fact]
    public async Task Sending_twice_at_once_and_again_later_sends_once_per_recipient()
    {
        var draft = new AnnouncementDraft(Guid.NewGuid(), null, "Muhtarlar Günü programımız 19 Ekim'de Kültür Merkezinde.", true, true,
            Neighbourhoods("Hamidiye", "Merkez", "Nurtepe", "Telsizler"));

        // A double click: two circuits' calls with the same form key, at the same moment, each with its own contexts.
        var both = await Task.WhenAll(_world.Announcements(_staff).SendAsync(draft), _world.Announcements(_staff).SendAsync(draft));
        var later = await _world.Announcements(_staff).SendAsync(draft);

        Assert.Equal(both[0].AnnouncementId, both[1].AnnouncementId);
        Assert.Equal(both[0].AnnouncementId, later.AnnouncementId);
        Assert.Equal(8, both.Sum(o => o.Result.Sent));
        Assert.Equal(new DeliveryResult(0, 0), later.Result);
        Assert.Equal(4, _sms.Received.Count);
        Assert.Equal(4, _sms.Received.Select(s => s.To).Distinct().Count());
        Assert.Equal(4, _smtp.Messages.Count);
        await using var db = _world.Db();
        Assert.Equal(1, await db.Announcements.CountAsync());
        Assert.Equal(8, await db.MessageDeliveries.CountAsync());
    }

    [Fact]
    public async Task A_missing_recipient_or_an_unknown_neighbourhood_sends_nothing_and_saves_nothing()
    {
        await using (var db = _world.Db())
            await db.Muhtars.Where(m => m.Id == _world.CurrentMuhtar("Gürsel").Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, (string?)null));
        var announcements = _world.Announcements(_staff);

        var missing = await Assert.ThrowsAsync<ValidationException>(() => announcements.SendAsync(
            new AnnouncementDraft(Guid.NewGuid(), null, "Toplantı hatırlatması.", true, true, Neighbourhoods("Çağlayan", "Gürsel"))));
        Assert.Contains("Alıcısı eksik olduğu için hiçbir ileti gönderilmedi", missing.Message);
        Assert.Contains("Gürsel: muhtarın e-posta adresi yok", missing.Message);
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => announcements.SendAsync(
            new AnnouncementDraft(Guid.NewGuid(), null, "Toplantı hatırlatması.", true, false, [99999])));
        Assert.Equal("Seçilen mahallelerden biri bulunamadı; sayfayı yenileyip yeniden seçin.", unknown.Message);
        var none = await Assert.ThrowsAsync<ValidationException>(() => announcements.SendAsync(
            new AnnouncementDraft(Guid.NewGuid(), null, "Toplantı hatırlatması.", true, false, [])));
        Assert.Equal("En az bir mahalle seçin.", none.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Announcements(_world.As("demo-fen-mudur")).SendAsync(
            new AnnouncementDraft(Guid.NewGuid(), null, "Toplantı hatırlatması.", true, false, Neighbourhoods("Çağlayan"))));

        Assert.Empty(_sms.Received);
        Assert.Empty(_smtp.Messages);
        await using var check = _world.Db();
        Assert.Equal(0, await check.Announcements.CountAsync());
        Assert.Equal(0, await check.MessageDeliveries.CountAsync());
    }

    [Fact]
    public async Task A_failed_sms_is_logged_and_a_retry_sends_only_what_failed()
    {
        _sms.StatusCode = 503;
        var outcome = await _world.Announcements(_staff).SendAsync(
            new AnnouncementDraft(Guid.NewGuid(), "Su kesintisi", "Yarın 10:00-14:00 arası su kesintisi olacaktır.", true, true, Neighbourhoods("Merkez")));

        Assert.Equal(new DeliveryResult(1, 1), outcome.Result);
        var failed = Assert.Single(await _world.Announcements(_staff).LogAsync(outcome.AnnouncementId), l => l.Status == DeliveryStatus.Basarisiz);
        Assert.Equal(DeliveryChannel.Sms, failed.Channel);
        Assert.Contains("503", failed.Error);

        _sms.StatusCode = 200;
        var retried = await _world.Announcements(_staff).RetryAsync(outcome.AnnouncementId);

        Assert.Equal(new DeliveryResult(1, 0), retried);
        Assert.Single(_smtp.Messages);
        Assert.Equal(2, _sms.Received.Count); // the refused attempt reached the operator too; the e-mail was not repeated
        Assert.All(await _world.Announcements(_staff).LogAsync(outcome.AnnouncementId), l => Assert.Equal(DeliveryStatus.Gonderildi, l.Status));
    }

    [Fact]
    public async Task A_visit_notice_pressed_twice_reaches_the_muhtar_once_and_a_new_time_sends_a_new_notice()
    {
        var visits = _world.Visits(_staff);
        var id = await visits.SaveAsync(new VisitForm { NeighbourhoodIds = Neighbourhoods("Hürriyet").ToList(), StartsLocal = MuhtarWorld.Local(11, 27, 14), Place = "Hürriyet Muhtarlığı" });

        var first = await visits.SendNoticeAsync(id, bySms: true, byEmail: false);
        var again = await visits.SendNoticeAsync(id, bySms: true, byEmail: true);

        Assert.Equal(first.AnnouncementId, again.AnnouncementId);
        var sms = Assert.Single(_sms.Received);
        Assert.Contains("Hürriyet Mahallesi Ziyareti: 27 Kasım 2026 Cuma 14:00, Hürriyet Muhtarlığı", sms.Text);
        Assert.Single(_smtp.Messages); // the second press only added the e-mail

        var view = (await _world.VisitQueries(_staff).GetAsync(id))!;
        var form = new VisitForm { Id = id, NeighbourhoodIds = Neighbourhoods("Hürriyet").ToList(), StartsLocal = MuhtarWorld.Local(11, 28, 11), Version = view.Visit.Version };
        await visits.SaveAsync(form);
        var moved = await visits.SendNoticeAsync(id, true, false);

        Assert.NotEqual(first.AnnouncementId, moved.AnnouncementId);
        Assert.Equal(2, _sms.Received.Count);
        Assert.Equal(2, (await _world.VisitQueries(_staff).GetAsync(id))!.Notices.Count);
    }
}
