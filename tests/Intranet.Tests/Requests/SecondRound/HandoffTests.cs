using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Requests;
using Intranet.Core.Requests.Handoffs;
using Intranet.Core.Requests.Outbox;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests.SecondRound;

/// <summary>Forwarding to an outside body: the outcome, the letter and the notice, the outbox, the follow-up, who may do it.</summary>
public sealed class HandoffTests : IDisposable
{
    private readonly RequestWorld _world = new();
    private readonly RecordingEmail _email = new();
    private readonly RecordingSms _sms = new();

    public void Dispose() => _world.Dispose();

    private SecondRoundServices Desk => new(_world, _world.As("demo-halk-personel-1"), _email, _sms);

    private int BodyId(string name)
    {
        using var db = _world.Database.Create(UserContext.System);
        return db.OutsideBodies.Single(b => b.Name == name).Id;
    }

    private ForwardForm Form(string body = "İSKİ Genel Müdürlüğü", CitizenNotice notice = CitizenNotice.Sms, DateOnly? followUp = null) => new()
    {
        OutsideBodyId = BodyId(body),
        Delivery = LetterDelivery.EPosta,
        LetterText = "Kanalizasyon taşması kurumunuzun görev alanındadır; gereğini rica ederim.",
        CitizenNotice = notice,
        CitizenText = "Başvurunuz İSKİ'ye iletilmiştir; iletişim 185.",
        FollowUpOn = followUp,
    };

    private async Task<int> NewRequestAsync(string directorate = "ALT")
    {
        var created = await Desk.Requests.CreateAsync(_world.PhoneCall(directorate));
        return created.Id;
    }

    [Fact]
    public async Task Forwarding_sends_the_letter_to_the_body_tells_the_citizen_who_handles_it_and_records_both()
    {
        var id = await NewRequestAsync();

        var result = await Desk.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form());

        var mail = Assert.Single(_email.Sent);
        Assert.Equal(["kagithane@iski.example"], mail.To);
        Assert.Contains("Kanalizasyon taşması kurumunuzun görev alanındadır", mail.Body);
        // The body needs the applicant to act: the letter names them in full (the screen masks it).
        Assert.Contains("Şükrü Işıkçı, 05321112233", mail.Body);
        var (phone, text) = Assert.Single(_sms.Sent);
        Assert.Equal("05321112233", phone);
        Assert.Equal("Başvurunuz İSKİ'ye iletilmiştir; iletişim 185.", text);

        Assert.All(result.Messages, m => Assert.True(m.IsSent));
        Assert.Equal([MessagePurpose.KurumaYazi, MessagePurpose.VatandasaBilgi], result.Messages.Select(m => m.Purpose));
        var detail = (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(id))!;
        Assert.Equal(RequestStatus.DisKurumaYonlendirildi, detail.Request.Status);
        Assert.Null(detail.Request.ResolvedAt);
        Assert.Null(detail.Request.ClosedAt);
        Assert.Contains("İSKİ Genel Müdürlüğü kurumuna yönlendirildi", detail.History[^1].Note);
        var view = Assert.Single(await Desk.HandoffQueries.ForRequestAsync(id));
        Assert.Contains("Ş*** I***", view.Letter);
        Assert.DoesNotContain("05321112233", view.Letter);
        Assert.Equal("0532 *** ** 33", view.Messages.Single(m => m.Purpose == MessagePurpose.VatandasaBilgi).Recipient);
        await using var db = _world.Database.Create(UserContext.System);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RequestHandoff) && a.Action == "Eklendi"));
    }

    [Fact]
    public async Task Forwarded_requests_are_counted_apart_never_as_resolved_open_or_closed()
    {
        var forwarded = await NewRequestAsync();
        await Desk.Handoffs.ForwardAsync(forwarded, await _world.VersionOf(forwarded), Form());
        var solved = await NewRequestAsync();
        await Desk.StepAsync(solved, RequestAction.Route, directorateId: _world.DirectorateId("ALT"));
        await Desk.StepAsync(solved, RequestAction.Resolve, "Hat açıldı.");

        var stats = await new RequestStatistics(_world.Database.Factory(UserContext.System), new FixedCurrentUser(UserContext.System), _world.Clock)
            .GetAsync(new RequestFilter(), StatisticsDimension.Directorate);
        // Open: the solved one still owes its answer (Çözüldü is open); the forwarded one is neither open nor resolved.
        Assert.Equal((2, 1, 1, 1), (stats.Total.Total, stats.Total.Resolved, stats.Total.Open, stats.Total.Forwarded));

        var dashboard = await new DashboardQueries(_world.Database.Factory(UserContext.System), _world.Clock).ComputeAsync(DashboardScope.Municipality, 1);
        Assert.Equal((1, 0, 0), (dashboard.Headline.Open, dashboard.Headline.ClosedToday, dashboard.Headline.ClosedThisWeek));
        Assert.Equal(1, dashboard.ByDirectorate.Sum(d => d.Resolved));
    }

    [Fact]
    public async Task A_failed_send_keeps_the_hand_off_is_retried_when_due_and_is_never_sent_twice()
    {
        var id = await NewRequestAsync();
        _email.Fail = true;

        var result = await Desk.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form());

        var letter = result.Messages.Single(m => m.Purpose == MessagePurpose.KurumaYazi);
        Assert.False(letter.IsSent);
        Assert.Contains("SMTP 451", letter.Text);
        Assert.Contains("Yeniden denenecek", letter.Text);
        Assert.Single(_sms.Sent);
        Assert.Equal(RequestStatus.DisKurumaYonlendirildi, (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(id))!.Request.Status);

        _email.Fail = false;
        Assert.Equal(0, await Desk.Outbox.DeliverDueAsync());
        _world.Clock.Now = _world.Clock.Now.AddMinutes(2);
        Assert.Equal(1, await Desk.Outbox.DeliverDueAsync());
        Assert.Equal(0, await Desk.Outbox.DeliverDueAsync());
        await Desk.Outbox.DeliverAsync([letter.Id]);
        await Desk.Outbox.RetryAsync(letter.Id);
        Assert.Single(_email.Sent);
        Assert.Single(_sms.Sent);
    }

    [Fact]
    public async Task Without_smtp_the_hand_off_says_so_clearly_and_the_message_waits_in_the_outbox()
    {
        var id = await NewRequestAsync();
        var desk = new SecondRoundServices(_world, _world.As("demo-halk-personel-1"), sms: _sms);

        var result = await desk.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form());

        var letter = result.Messages.Single(m => m.Purpose == MessagePurpose.KurumaYazi);
        Assert.Contains(NotConfiguredEmailSender.Error, letter.Text);
        await using var db = _world.Database.Create(UserContext.System);
        var row = await db.RequestMessages.SingleAsync(m => m.Id == letter.Id);
        Assert.Equal((1, (DateTime?)null), (row.Attempts, row.SentAt));
        Assert.NotNull(row.NextAttemptAt);
    }

    [Fact]
    public async Task A_stale_forward_is_refused_before_anything_is_sent()
    {
        var id = await NewRequestAsync();
        var stale = await _world.VersionOf(id);
        await Desk.StepAsync(id, RequestAction.EditNote, "İSKİ'ye sorulacak.");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desk.Handoffs.ForwardAsync(id, stale, Form()));

        Assert.Empty(_email.Sent);
        Assert.Empty(_sms.Sent);
        await using var db = _world.Database.Create(UserContext.System);
        Assert.False(await db.RequestHandoffs.AnyAsync());
    }

    [Fact]
    public async Task Only_the_desk_or_the_directorates_director_forwards_and_only_what_is_not_yet_solved()
    {
        var id = await NewRequestAsync();
        await Desk.StepAsync(id, RequestAction.Route, directorateId: _world.DirectorateId("FEN"));
        var staff = new SecondRoundServices(_world, _world.As("demo-fen-personel-1"), _email, _sms);
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await staff.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form()));
        var otherDirector = new SecondRoundServices(_world, _world.As("demo-park-mudur"), _email, _sms);
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await otherDirector.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form()));
        // A bare workflow step cannot forward: the letter and the notice would be missing.
        await Assert.ThrowsAsync<ValidationException>(() => Desk.StepAsync(id, RequestAction.ForwardOutside, "İSKİ"));

        var director = new SecondRoundServices(_world, _world.As("demo-fen-mudur"), _email, _sms);
        await director.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form());
        Assert.Single(_email.Sent);

        var solved = await NewRequestAsync();
        await Desk.StepAsync(solved, RequestAction.Route, directorateId: _world.DirectorateId("ALT"));
        await Desk.StepAsync(solved, RequestAction.Resolve, "Hat açıldı.");
        var error = await Assert.ThrowsAsync<ValidationException>(async () => await Desk.Handoffs.ForwardAsync(solved, await _world.VersionOf(solved), Form()));
        Assert.Contains("çözülmemiş", error.Message);
    }

    [Fact]
    public async Task The_form_is_checked_field_by_field_and_the_notice_must_fit_the_citizens_contacts()
    {
        var id = await NewRequestAsync();
        var version = await _world.VersionOf(id);

        var empty = await Assert.ThrowsAsync<ValidationException>(() => Desk.Handoffs.ForwardAsync(id, version,
            new ForwardForm { CitizenNotice = CitizenNotice.Sms, FollowUpOn = IstanbulTime.Today(_world.Clock.Now.UtcDateTime) }));
        Assert.Equal([nameof(ForwardForm.CitizenText), nameof(ForwardForm.FollowUpOn), nameof(ForwardForm.LetterText), nameof(ForwardForm.OutsideBodyId)],
            empty.Fields.Keys.Order());
        var noEmail = await Assert.ThrowsAsync<ValidationException>(() => Desk.Handoffs.ForwardAsync(id, version, Form(notice: CitizenNotice.EPosta)));
        Assert.Contains("e-posta adresi yok", noEmail.Message);
        var bodyWithoutEmail = await Assert.ThrowsAsync<ValidationException>(() => Desk.Handoffs.ForwardAsync(id, version, Form("Karayolları 1. Bölge Müdürlüğü")));
        Assert.Contains("Resmî yazı", bodyWithoutEmail.Message);

        // A resmî yazı is recorded only; told by phone, nothing is sent to the citizen either.
        var letter = Form("Karayolları 1. Bölge Müdürlüğü", CitizenNotice.Telefon);
        letter.Delivery = LetterDelivery.ResmiYazi;
        var result = await Desk.Handoffs.ForwardAsync(id, version, letter);
        Assert.Empty(result.Messages);
        Assert.Empty(_email.Sent);
        Assert.Empty(_sms.Sent);
    }

    [Fact]
    public async Task A_due_follow_up_is_listed_until_the_desk_records_what_the_body_said()
    {
        var id = await NewRequestAsync();
        var today = IstanbulTime.Today(_world.Clock.Now.UtcDateTime);
        await Desk.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form(followUp: today.AddDays(3)));
        Assert.Empty(await Desk.HandoffQueries.FollowUpsAsync(dueOnly: true));
        Assert.Single(await Desk.HandoffQueries.FollowUpsAsync(dueOnly: false));

        _world.Clock.Now = _world.Clock.Now.AddDays(3);
        var due = Assert.Single(await Desk.HandoffQueries.FollowUpsAsync(dueOnly: true));
        Assert.True(due.Due);
        Assert.Equal("İSKİ Genel Müdürlüğü", due.Body);

        await Desk.Handoffs.RecordFollowUpAsync(due.HandoffId, due.Version, "İSKİ ekibi hattı açtı, iş tamamlandı.", null);

        Assert.Empty(await Desk.HandoffQueries.FollowUpsAsync(dueOnly: true));
        var view = Assert.Single(await Desk.HandoffQueries.ForRequestAsync(id));
        Assert.Contains("İSKİ ekibi hattı açtı", view.BodyResponse);
        Assert.NotNull(view.FollowUpDoneAt);
        var history = (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(id))!.History;
        Assert.Contains("İSKİ Genel Müdürlüğü takibi: İSKİ ekibi hattı açtı", history[^1].Note);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desk.Handoffs.RecordFollowUpAsync(due.HandoffId, due.Version, "İkinci kayıt", null));
    }

    [Fact]
    public async Task A_request_the_body_hands_back_is_reopened_to_its_directorate_with_the_reason()
    {
        var id = await NewRequestAsync();
        await Desk.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form());

        await Assert.ThrowsAsync<ValidationException>(() => Desk.StepAsync(id, RequestAction.Route, directorateId: _world.DirectorateId("FEN")));
        await Desk.StepAsync(id, RequestAction.Reopen, "İSKİ: hat belediyenin yağmur suyu hattı, iade edildi.");

        var r = (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(id))!.Request;
        Assert.Equal(RequestStatus.HavaleEdildi, r.Status);
        Assert.Equal(_world.DirectorateId("ALT"), r.DirectorateId);
        // Handed back, the hand-off stays on record but is no longer followed up.
        Assert.False(Assert.Single(await Desk.HandoffQueries.ForRequestAsync(id)).CanFollowUp);
        Assert.Empty(await Desk.HandoffQueries.FollowUpsAsync(dueOnly: false));
    }

    [Fact]
    public void Every_step_has_a_turkish_name_on_its_button_the_forward_step_too()
    {
        Assert.All(Enum.GetValues<RequestAction>(), a => Assert.NotEqual(a.ToString(), ActionText.Name(a)));
        Assert.Equal("Dış Kuruma Yönlendirildi", RequestStatus.DisKurumaYonlendirildi.Name());
    }

    [Fact]
    public async Task The_desk_keeps_the_registry_staff_only_read_it()
    {
        var added = await Desk.Registry.SaveAsync(new OutsideBody { Name = "TEDAŞ", Kind = OutsideBodyKind.Elektrik, Email = "bilgi@tedas.example" });
        Assert.True(added.Id > 0);
        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => Desk.Registry.SaveAsync(new OutsideBody { Name = "TEDAŞ" }));
        Assert.Contains(nameof(OutsideBody.Name), duplicate.Fields.Keys);
        var badEmail = await Assert.ThrowsAsync<ValidationException>(() => Desk.Registry.SaveAsync(new OutsideBody { Name = "Bir Kurum", Email = "yok" }));
        Assert.Contains(nameof(OutsideBody.Email), badEmail.Fields.Keys);

        var staff = new SecondRoundServices(_world, _world.As("demo-fen-personel-1"));
        Assert.Contains(await staff.Registry.ListAsync(activeOnly: true), b => b.Name == "TEDAŞ");
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.Registry.SaveAsync(new OutsideBody { Name = "Başka Kurum" }));

        var stale = added.Version;
        added.Phone = "186";
        var saved = await Desk.Registry.SaveAsync(added);
        saved.Phone = "187";
        saved.Version = stale;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desk.Registry.SaveAsync(saved));
    }

    [Fact]
    public async Task Retention_empties_the_messages_of_an_anonymised_citizen()
    {
        var id = await NewRequestAsync();
        await Desk.Handoffs.ForwardAsync(id, await _world.VersionOf(id), Form());
        _world.Clock.Now = _world.Clock.Now.AddYears(6);

        var count = await new Core.Citizens.CitizenRetention(_world.Database.Factory(UserContext.System), _world.Clock).AnonymizeAsync(5);

        Assert.Equal(1, count);
        await using var db = _world.Database.Create(UserContext.System);
        var messages = await db.RequestMessages.ToListAsync();
        Assert.All(messages, m => Assert.Equal(Core.Citizens.CitizenRetention.AnonymousName, m.Body));
        Assert.Equal("***", messages.Single(m => m.Purpose == MessagePurpose.VatandasaBilgi).Recipient);
        Assert.Equal("kagithane@iski.example", messages.Single(m => m.Purpose == MessagePurpose.KurumaYazi).Recipient);
    }
}
