using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Press;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Press;

/// <summary>The daily digest: what it holds (window, grouping, counts) and that its e-mail goes out once a day.</summary>
public class PressDigestTests : IAsyncLifetime
{
    private readonly PressWorld _world = new();
    private readonly SmtpSink _sink = new();
    // Far from the demo's clippings (the last 30 days before 25 November): only this test's clippings are in the window.
    private static readonly DateOnly Day = new(2026, 7, 1);

    public async Task InitializeAsync()
    {
        await using var db = _world.Database.Create(UserContext.System);
        var source = await db.PressSources.FirstAsync(s => s.Name == "Haliç Haber");
        var other = await db.PressSources.FirstAsync(s => s.Name == "Kent FM");
        void Add(string title, Tone tone, string? topic, DateTime capturedLocal, bool needsAnswer = false, int importance = 0, PressSource? from = null)
        {
            var c = new PressClipping
            {
                SourceId = (from ?? source).Id, Title = title, Tone = tone, Topic = topic, NeedsAnswer = needsAnswer, Importance = importance,
                PublishedAt = IstanbulTime.ToUtc(capturedLocal.AddHours(-1)), CapturedAt = IstanbulTime.ToUtc(capturedLocal),
                Url = $"https://halichaber.example/{Guid.NewGuid():N}",
            };
            ClippingKeys.Apply(c);
            db.PressClippings.Add(c);
        }
        Add("Çöpler toplanmıyor", Tone.Olumsuz, "Temizlik", new DateTime(2026, 6, 30, 10, 0, 0), needsAnswer: true, importance: 5);
        Add("Konteynerler taştı", Tone.Olumsuz, "Temizlik", new DateTime(2026, 6, 30, 12, 0, 0), importance: 2);
        Add("Yol çöktü", Tone.Olumsuz, "Fen İşleri", new DateTime(2026, 6, 30, 15, 0, 0), from: other);
        Add("Yeni park açıldı", Tone.Olumlu, "Park ve Bahçeler", new DateTime(2026, 6, 30, 9, 0, 0));
        Add("Başkan esnafı ziyaret etti", Tone.Olumlu, null, new DateTime(2026, 7, 1, 7, 59, 0));
        Add("Meclis toplandı", Tone.Notr, "Meclis", new DateTime(2026, 6, 30, 8, 0, 0));
        Add("Önceki günün haberi", Tone.Olumsuz, "Temizlik", new DateTime(2026, 6, 30, 7, 59, 0));
        Add("Ertesi özetin haberi", Tone.Olumsuz, "Temizlik", new DateTime(2026, 7, 1, 8, 0, 0));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        _world.Dispose();
    }

    private IEmailSender Smtp => new SmtpEmailSender(new SmtpOptions
    {
        Host = "127.0.0.1", Port = _sink.Port, UseStartTls = false, From = "basin@kagithane.example", FromName = "Basın Yayın",
    });

    private static DateTime At(int day, int hour, int minute = 0) => IstanbulTime.ToUtc(new DateTime(2026, 7, day, hour, minute, 0));

    [Fact]
    public async Task The_digest_holds_the_24_hours_before_its_hour_grouped_by_tone_then_topic_with_counts()
    {
        var r = await _world.Digest(_world.MayorOffice).BuildAsync(Day);

        Assert.Equal(At(1, 8).AddDays(-1), r.FromUtc);
        Assert.Equal(At(1, 8), r.ToUtc);
        Assert.Equal(6, r.Total);
        Assert.Equal([Tone.Olumsuz, Tone.Olumlu, Tone.Notr], r.Tones.Select(t => t.Tone));
        Assert.Equal([3, 2, 1], r.Tones.Select(t => t.Count));
        var negative = r.Tones[0];
        Assert.Equal([("Temizlik", 2), ("Fen İşleri", 1)], negative.Topics.Select(t => (t.Topic, t.Count)));
        Assert.Equal(["Çöpler toplanmıyor", "Konteynerler taştı"], negative.Topics[0].Items.Select(i => i.Title)); // most important first
        Assert.Equal(["Park ve Bahçeler", PressDigest.NoTopic], r.Tones[1].Topics.Select(t => t.Topic));
        Assert.Equal("Çöpler toplanmıyor", Assert.Single(r.NeedsAnswer).Title);
        Assert.Equal([new SourceCount("Haliç Haber", 5), new SourceCount("Kent FM", 1)], r.BySource);
        Assert.DoesNotContain(r.Tones.SelectMany(t => t.Topics).SelectMany(t => t.Items), i => i.Title is "Önceki günün haberi" or "Ertesi özetin haberi");
    }

    [Fact]
    public async Task The_next_days_digest_takes_what_came_after_the_hour()
    {
        var next = await _world.Digest(_world.Press).BuildAsync(Day.AddDays(1));

        Assert.Equal("Ertesi özetin haberi", Assert.Single(next.Tones.SelectMany(t => t.Topics).SelectMany(t => t.Items)).Title);
    }

    [Fact]
    public async Task Only_press_readers_open_the_digest() =>
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Digest(_world.As("demo-fen-mudur")).BuildAsync(Day));

    [Fact]
    public async Task The_email_goes_to_the_mayors_office_and_the_deputy_mayors_once_a_day_whatever_restarts()
    {
        var first = await _world.DigestSender(Smtp).SendDueAsync(At(1, 9));

        Assert.Equal(DigestSendStatus.Sent, first.Status);
        var mail = Assert.Single(_sink.Messages);
        Assert.Equal(
            ["aysegul.demirtas@kagithane.example", "gokce.aydogan@kagithane.example", "hakan.yildirim@kagithane.example",
             "mehmet.gunes@kagithane.example", "sebnem.guldag@kagithane.example", "tugrul.ilhan@kagithane.example"],
            mail.Recipients.Order(StringComparer.Ordinal));
        Assert.Contains("6 haber (3 olumsuz)", mail.Subject);
        Assert.Contains("Toplam 6 haber: 3 olumsuz, 2 olumlu, 1 nötr. Cevap/tekzip gereken: 1.", mail.Body);
        Assert.Contains("OLUMSUZ (3)", mail.Body);
        Assert.Contains("  Temizlik (2)", mail.Body);
        Assert.Contains("• Çöpler toplanmıyor – Haliç Haber", mail.Body);
        Assert.Contains("https://intranet.kagithane.example/basin/ozet/2026-07-01", mail.Body);

        // A restart later that day: a new sender, the same database.
        Assert.Equal(DigestSendStatus.AlreadySent, (await _world.DigestSender(Smtp).SendDueAsync(At(1, 15))).Status);
        Assert.Single(_sink.Messages);

        // The next day, not before the hour, then once.
        Assert.Equal(DigestSendStatus.NotYet, (await _world.DigestSender(Smtp).SendDueAsync(At(2, 7, 59))).Status);
        Assert.Equal(DigestSendStatus.Sent, (await _world.DigestSender(Smtp).SendDueAsync(At(2, 8))).Status);
        Assert.Equal(DigestSendStatus.AlreadySent, (await _world.DigestSender(Smtp).SendDueAsync(At(2, 8, 1))).Status);
        Assert.Equal(2, _sink.Messages.Count);
    }

    [Fact]
    public async Task Two_servers_at_the_same_minute_send_one_email()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _world.DigestSender(Smtp).SendDueAsync(At(1, 8, 30))));

        Assert.Single(results, r => r.Status == DigestSendStatus.Sent);
        Assert.Single(_sink.Messages);
    }

    [Fact]
    public async Task A_failed_send_is_recorded_and_retried_later_without_doubling()
    {
        _sink.Reject = true;
        var failed = await _world.DigestSender(Smtp).SendDueAsync(At(1, 9));
        Assert.Equal(DigestSendStatus.Failed, failed.Status);
        Assert.Equal(DigestSendStatus.Waiting, (await _world.DigestSender(Smtp).SendDueAsync(At(1, 9, 1))).Status);

        _sink.Reject = false;
        Assert.Equal(DigestSendStatus.Sent, (await _world.DigestSender(Smtp).SendDueAsync(At(1, 9, 3))).Status);
        Assert.Equal(DigestSendStatus.AlreadySent, (await _world.DigestSender(Smtp).SendDueAsync(At(1, 9, 10))).Status);
        Assert.Single(_sink.Messages);

        await using var db = _world.Database.Create(UserContext.System);
        var row = await db.PressDigestDispatches.SingleAsync(d => d.Day == Day);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal(6, row.Recipients);
        Assert.Equal(6, row.Clippings);
    }
}
