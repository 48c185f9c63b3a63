using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Tests.Requests;

/// <summary>
/// The deadline sweep end to end: a real SQLite database, the real SMTP sender talking to a local SMTP sink and the
/// real HTTP SMS sender posting to a local endpoint.
/// </summary>
public class EscalationServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    private readonly SqliteTestDatabase _database = new();
    private readonly SmtpSink _smtp = new();
    private readonly RecordingChangeFeed _feed = new();
    private SmsEndpoint _sms = null!;
    private World _world = null!;

    public async Task InitializeAsync()
    {
        _sms = await SmsEndpoint.StartAsync();
        _world = await World.SeedAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _sms.DisposeAsync();
        await _smtp.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>A fresh service with fresh senders, as after a restart: nothing is remembered but the database.</summary>
    private EscalationService Service(int batchSize = 200) => new(
        _database.Factory(UserContext.System),
        new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false, From = "intranet@kagithane.bel.tr", FromName = "Belediye İntranet" }),
        new HttpSmsSender(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, new SmsOptions { Url = _sms.Url, ApiKey = "test-key", Sender = "KAGITHANE" }),
        _feed,
        new EscalationOptions { BaseUrl = "https://intranet.test/", BatchSize = batchSize });

    [Fact]
    public async Task A_request_nearing_its_deadline_warns_its_assignee_once_in_the_app_only()
    {
        var near = await _world.AddRequestAsync(Now.AddHours(10), assigneeId: _world.StaffId);
        await _world.AddRequestAsync(Now.AddHours(30), assigneeId: _world.StaffId); // outside the 24 h window
        await _world.AddRequestAsync(Now.AddHours(5), assigneeId: null);            // nobody to warn

        var first = await Service().SweepAsync(Now);
        var second = await Service().SweepAsync(Now.AddHours(1));

        Assert.Equal(1, first.Warnings);
        Assert.Equal(0, second.Warnings);
        await using var db = _database.Create(UserContext.System);
        var notification = Assert.Single(await db.Notifications.ToListAsync());
        Assert.Equal(_world.StaffId, notification.UserId);
        Assert.Contains(near.Number, notification.Text);
        Assert.Equal($"/basvurular/{near.Id}", notification.Link);
        Assert.Empty(_smtp.Messages);
        Assert.Empty(_sms.Received);
        Assert.Contains(ChangeTopic.Notifications, _feed.Published);
    }

    [Fact]
    public async Task An_overdue_request_emails_the_director_and_deputy_mayor_and_texts_the_deputy_mayor()
    {
        var overdue = await _world.AddRequestAsync(Now.AddHours(-2), assigneeId: _world.StaffId);
        await _world.AddRequestAsync(Now.AddHours(-2), status: RequestStatus.Kapandi); // closed: owed nothing

        var result = await Service().SweepAsync(Now);

        Assert.Equal(new SweepResult(0, 1, 1, 1, 0), result);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["mudur@kagithane.bel.tr", "bay@kagithane.bel.tr"], mail.Recipients);
        Assert.Equal("intranet@kagithane.bel.tr", mail.From);
        Assert.Contains(overdue.Number, mail.Subject);
        Assert.Contains("Fen İşleri Müdürlüğü", mail.Subject);
        Assert.Contains("Yol bakım ve onarım", mail.Body);
        Assert.Contains("Gürsel", mail.Body);
        Assert.Contains(IstanbulTime.Format(overdue.DueAt), mail.Body);
        Assert.Contains("25.11.2026 10:00", mail.Body); // 07:00 UTC is 10:00 in Istanbul
        Assert.Contains($"https://intranet.test/basvurular/{overdue.Id}", mail.Body);

        var sms = Assert.Single(_sms.Received);
        Assert.Equal("905321234567", sms.To);
        Assert.Equal("KAGITHANE", sms.Sender);
        Assert.Equal("Bearer test-key", sms.Authorization);
        Assert.Contains(overdue.Number, sms.Text);

        await using var db = _database.Create(UserContext.System);
        // In the app: the active director only (not the inactive one, not the other directorate's, not staff).
        var notification = Assert.Single(await db.Notifications.ToListAsync());
        Assert.Equal(_world.DirectorId, notification.UserId);
        var escalation = Assert.Single(await db.Escalations.ToListAsync());
        Assert.Equal(EscalationKind.Overdue, escalation.Kind);
        Assert.Equal<DateTime?>(Now, escalation.EmailSentAt);
        Assert.Equal<DateTime?>(Now, escalation.SmsSentAt);
        Assert.Equal<DateTime?>(Now, escalation.CompletedAt);
        Assert.Null(escalation.LastError);
    }

    [Fact]
    public async Task Sweeping_again_or_after_a_restart_sends_nothing_more()
    {
        await _world.AddRequestAsync(Now.AddHours(-2));
        await _world.AddRequestAsync(Now.AddHours(3), assigneeId: _world.StaffId);
        var service = Service();

        await service.SweepAsync(Now);
        var again = await service.SweepAsync(Now.AddMinutes(1));
        var afterRestart = await Service().SweepAsync(Now.AddHours(2));

        Assert.Equal(new SweepResult(0, 0, 0, 0, 0), again);
        Assert.Equal(new SweepResult(0, 0, 0, 0, 0), afterRestart);
        Assert.Single(_smtp.Messages);
        Assert.Single(_sms.Received);
        await using var db = _database.Create(UserContext.System);
        Assert.Equal(2, await db.Notifications.CountAsync()); // one warning to the assignee, one overdue to the director
        Assert.Equal(2, await db.Escalations.CountAsync());
    }

    [Fact]
    public async Task An_smtp_failure_is_recorded_and_retried_later_without_texting_again()
    {
        await _world.AddRequestAsync(Now.AddHours(-2));
        _smtp.Reject = true;

        var failed = await Service().SweepAsync(Now);

        Assert.Equal(1, failed.Failures);
        Assert.Empty(_smtp.Messages);
        Assert.Single(_sms.Received);
        var row = await EscalationAsync();
        Assert.Null(row.EmailSentAt);
        Assert.NotNull(row.SmsSentAt);
        Assert.Null(row.CompletedAt);
        Assert.StartsWith("E-posta:", row.LastError);
        Assert.Equal(1, row.Attempts);

        // Before the backoff has passed the row waits; once SMTP is back a later sweep delivers the e-mail only.
        await Service().SweepAsync(Now.AddSeconds(30));
        Assert.Empty(_smtp.Messages);
        _smtp.Reject = false;
        var retried = await Service().SweepAsync(Now.AddMinutes(5));

        Assert.Equal(new SweepResult(0, 0, 1, 0, 0), retried);
        Assert.Single(_smtp.Messages);
        Assert.Single(_sms.Received);
        row = await EscalationAsync();
        Assert.NotNull(row.EmailSentAt);
        Assert.NotNull(row.CompletedAt);
        Assert.Null(row.LastError);
        Assert.Equal(2, row.Attempts);

        await Service().SweepAsync(Now.AddHours(3));
        Assert.Single(_smtp.Messages);
        Assert.Single(_sms.Received);
    }

    [Fact]
    public async Task Failing_deliveries_stop_after_the_attempt_limit()
    {
        await _world.AddRequestAsync(Now.AddHours(-2));
        _sms.StatusCode = 500;
        var service = new EscalationService(_database.Factory(UserContext.System), new NotConfiguredEmailSender(),
            new HttpSmsSender(new HttpClient(), new SmsOptions { Url = _sms.Url }), _feed, new EscalationOptions { MaxAttempts = 3 });

        for (var hour = 0; hour < 6; hour++) await service.SweepAsync(Now.AddHours(hour));

        Assert.Equal(3, _sms.Received.Count);
        var row = await EscalationAsync();
        Assert.Equal(3, row.Attempts);
        Assert.Null(row.CompletedAt);
        Assert.Contains("SMTP sunucusu yapılandırılmamış", row.LastError);
        Assert.Contains("HTTP 500", row.LastError);
        Assert.Contains("3 denemeden sonra vazgeçildi", row.LastError);
    }

    [Fact]
    public async Task A_new_deadline_escalates_again()
    {
        var request = await _world.AddRequestAsync(Now.AddHours(-2));
        await Service().SweepAsync(Now);
        await using (var db = _database.Create(UserContext.System))
        {
            var r = await db.Requests.SingleAsync(x => x.Id == request.Id);
            r.DueAt = Now.AddDays(1);
            await db.SaveChangesAsync();
        }

        await Service().SweepAsync(Now.AddDays(2));

        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(2, _sms.Received.Count);
    }

    [Fact]
    public async Task A_large_backlog_is_handled_batch_by_batch_in_one_sweep()
    {
        for (var i = 0; i < 7; i++) await _world.AddRequestAsync(Now.AddHours(-1 - i));

        var result = await Service(batchSize: 3).SweepAsync(Now);

        Assert.Equal(7, result.Overdue);
        Assert.Equal(7, result.EmailsSent);
        Assert.Equal(7, _smtp.Messages.Count);
    }

    [Fact]
    public async Task In_production_without_smtp_and_sms_settings_sending_is_refused_and_the_error_says_so_in_turkish()
    {
        await _world.AddRequestAsync(Now.AddHours(-2));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new TestClock(Now));
        services.AddSingleton(_database.Factory(UserContext.System));
        services.AddMessagingAndEscalation(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Enabled"] = "false",
        }).Build(), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" });
        await using var provider = services.BuildServiceProvider();
        var channels = provider.GetRequiredService<OutgoingChannels>();
        Assert.All(channels.All, c => Assert.Equal(ChannelMode.NotConfigured, c.Mode));

        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EscalationService>().SweepAsync(Now);

        var row = await EscalationAsync();
        Assert.Contains("SMTP sunucusu yapılandırılmamış", row.LastError);
        Assert.Contains("SMS sağlayıcısı yapılandırılmamış", row.LastError);
        Assert.Null(row.EmailSentAt);
        Assert.Null(row.SmsSentAt);
        // The refusals are on the admin page's list too, with the reason, and nothing counts as sent.
        await using var db = _database.Create(UserContext.System);
        var refused = await db.OutgoingMessages.OrderBy(m => m.Channel).ToListAsync();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, m => Assert.Equal(OutgoingStatus.Refused, m.Status));
        Assert.All(refused, m => Assert.Equal(MessageKind.Escalation, m.Kind));
        Assert.Equal(NotConfiguredEmailSender.Error, refused[0].Error);
        Assert.Equal(NotConfiguredSmsSender.Error, refused[1].Error);
    }

    private async Task<Escalation> EscalationAsync()
    {
        await using var db = _database.Create(UserContext.System);
        return await db.Escalations.SingleAsync();
    }

    /// <summary>One directorate with its director, an inactive former director, a staff member, and another directorate.</summary>
    internal sealed class World(SqliteTestDatabase database, int directorateId, int categoryId, int neighbourhoodId)
    {
        private int _sequence;

        public int DirectorId { get; private init; }
        public int StaffId { get; private init; }

        public static async Task<World> SeedAsync(SqliteTestDatabase database)
        {
            await using var db = database.Create(UserContext.System);
            var fen = new Directorate
            {
                Name = "Fen İşleri Müdürlüğü", Code = "FEN", DeputyMayorName = "Ayşe Yılmaz",
                DeputyMayorEmail = "bay@kagithane.bel.tr", DeputyMayorPhone = "0532 123 45 67",
            };
            var park = new Directorate { Name = "Park ve Bahçeler Müdürlüğü", Code = "PARK", DeputyMayorEmail = "bay2@kagithane.bel.tr" };
            var category = new Category { Name = "Yol bakım ve onarım", DefaultDirectorate = fen, WaitingTime = 5 };
            var neighbourhood = new Neighbourhood { Name = "Gürsel" };
            var director = User("fen-mudur", Roles.Director, fen, "mudur@kagithane.bel.tr");
            var formerDirector = User("fen-eski-mudur", Roles.Director, fen, "eski@kagithane.bel.tr");
            formerDirector.IsActive = false;
            var staff = User("fen-personel", Roles.Staff, fen, "personel@kagithane.bel.tr");
            var otherDirector = User("park-mudur", Roles.Director, park, "park@kagithane.bel.tr");
            db.AddRange(fen, park, category, neighbourhood, director, formerDirector, staff, otherDirector);
            await db.SaveChangesAsync();
            return new World(database, fen.Id, category.Id, neighbourhood.Id) { DirectorId = director.Id, StaffId = staff.Id };
        }

        private static AppUser User(string oid, string role, Directorate directorate, string email) =>
            new() { ObjectId = oid, DisplayName = oid, Roles = role, Directorate = directorate, Email = email };

        public async Task<Request> AddRequestAsync(DateTime dueAt, int? assigneeId = null, RequestStatus status = RequestStatus.Islemde)
        {
            await using var db = database.Create(UserContext.System);
            var seq = ++_sequence;
            var request = new Request
            {
                Number = RequestNumber.Format(2026, seq), Year = 2026, Sequence = seq, Text = "Yolda çukur var.",
                Status = status, NeighbourhoodId = neighbourhoodId, CategoryId = categoryId, DirectorateId = directorateId,
                AssigneeId = assigneeId, CreatedAt = Now.AddDays(-3), CreatedOn = IstanbulTime.Today(Now.AddDays(-3)),
                DueAt = dueAt, AnswerDueAt = dueAt.AddDays(2), UpdatedAt = Now.AddDays(-3),
            };
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request;
        }
    }
}
