using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Notifications;

public class SendersTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private readonly SqliteTestDatabase _database = new();
    private SmsEndpoint _sms = null!;

    public async Task InitializeAsync() => _sms = await SmsEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _sms.DisposeAsync();
        await _smtp.DisposeAsync();
        _database.Dispose();
    }

    private SmtpEmailSender Smtp() => new(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false, From = "intranet@kagithane.bel.tr", FromName = "Kağıthane Belediyesi" });
    private HttpSmsSender Sms() => new(new HttpClient(), new SmsOptions { Url = _sms.Url, ApiKey = "k", Sender = "KAGITHANE" });

    [Fact]
    public async Task Smtp_sender_delivers_turkish_text_intact()
    {
        await Smtp().SendAsync(new EmailMessage(["a@kagithane.bel.tr", "b@kagithane.bel.tr"], "Süresi geçen başvuru: İğdır Çağrı", "Şükrü Öğüt ıİ", MessageKind.Escalation));

        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["a@kagithane.bel.tr", "b@kagithane.bel.tr"], mail.Recipients);
        Assert.Equal("Süresi geçen başvuru: İğdır Çağrı", mail.Subject);
        Assert.Equal("Şükrü Öğüt ıİ", mail.Body.TrimEnd());
        Assert.Equal("Kağıthane Belediyesi", ((MimeKit.MailboxAddress)mail.Message.From[0]).Name);
    }

    [Fact]
    public async Task Sms_sender_throws_when_the_operator_refuses()
    {
        _sms.StatusCode = 401;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Sms().SendAsync("05321234567", "deneme", MessageKind.CitizenReply));

        Assert.Contains("HTTP 401", error.Message);
    }

    [Fact]
    public async Task Sms_sender_rejects_a_number_that_is_not_turkish() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Sms().SendAsync("12345", "deneme", MessageKind.CitizenReply));

    [Fact]
    public async Task Citizen_reply_goes_by_sms_or_email_and_explains_what_is_missing()
    {
        int withPhone, withEmail, landline;
        await using (var db = _database.Create(UserContext.System))
        {
            var dir = new Directorate { Name = "Fen İşleri Müdürlüğü", Code = "FEN" };
            var category = new Category { Name = "Yol", DefaultDirectorate = dir };
            var mahalle = new Neighbourhood { Name = "Gürsel" };
            Request New(int seq, Citizen citizen) => new()
            {
                Number = RequestNumber.Format(2026, seq), Year = 2026, Sequence = seq, Text = "x", Status = RequestStatus.Cozuldu,
                Neighbourhood = mahalle, Category = category, Directorate = dir, Citizen = citizen,
                CreatedAt = TestClock.SuiteStart.UtcDateTime, DueAt = TestClock.SuiteStart.UtcDateTime, AnswerDueAt = TestClock.SuiteStart.UtcDateTime, UpdatedAt = TestClock.SuiteStart.UtcDateTime,
            };
            var a = New(1, new Citizen { FullName = "Ayşe Kaya", Phone = "05321234567" });
            var b = New(2, new Citizen { FullName = "Mehmet Öz", Email = "mehmet@example.com.tr" });
            var c = New(3, new Citizen { FullName = "Hasan Ev", Phone = "02122223344" });
            db.Requests.AddRange(a, b, c);
            await db.SaveChangesAsync();
            (withPhone, withEmail, landline) = (a.Id, b.Id, c.Id);
        }
        var desk = TestUsers.As(Roles.Staff, screeningDesk: true);
        var sender = new CitizenReplySender(_database.Factory(desk), new FixedCurrentUser(desk), Smtp(), Sms());

        Assert.Null(await sender.SendAsync(withPhone, "Yolunuz onarıldı.", ReplyChannel.Sms));
        Assert.Null(await sender.SendAsync(withEmail, "Yolunuz onarıldı.", ReplyChannel.EPosta));
        Assert.Equal("Başvuru sahibinin kayıtlı cep telefonu yok; SMS gönderilemez.", await sender.SendAsync(landline, "x", ReplyChannel.Sms));
        Assert.Equal("Başvuru sahibinin geçerli bir e-posta adresi yok; e-posta gönderilemez.", await sender.SendAsync(withPhone, "x", ReplyChannel.EPosta));
        Assert.Null(await sender.SendAsync(landline, "x", ReplyChannel.Telefon)); // not ours to send

        var sms = Assert.Single(_sms.Received);
        Assert.Equal("905321234567", sms.To);
        Assert.Equal("2026-000001 numaralı başvurunuz hakkında: Yolunuz onarıldı.", sms.Text);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["mehmet@example.com.tr"], mail.Recipients);
        Assert.Contains("Sayın Mehmet Öz", mail.Body);

        // An unconfigured provider and a user outside the directorate both get a message, not a silent success.
        var unconfigured = new CitizenReplySender(_database.Factory(desk), new FixedCurrentUser(desk), new NotConfiguredEmailSender(), new NotConfiguredSmsSender());
        Assert.Equal($"SMS gönderilemedi: {NotConfiguredSmsSender.Error}", await unconfigured.SendAsync(withPhone, "x", ReplyChannel.Sms));
        var outsider = TestUsers.As(Roles.Staff, directorateId: 9999);
        var scoped = new CitizenReplySender(_database.Factory(outsider), new FixedCurrentUser(outsider), Smtp(), Sms());
        Assert.Equal("Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.", await scoped.SendAsync(withPhone, "x", ReplyChannel.Sms));
        Assert.Single(_sms.Received);
    }
}
