using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>A phone request from intake to answer, through the services the pages call.</summary>
public class RequestLifecycleTests : IDisposable
{
    private readonly RequestWorld _world = new();

    [Fact]
    public async Task A_phone_request_goes_from_intake_to_the_citizens_answer_and_every_step_is_on_the_timeline()
    {
        var desk = _world.As("demo-halk-personel-1");
        var director = _world.As("demo-fen-mudur");
        var worker = _world.As("demo-fen-personel-1");
        var fen = _world.DirectorateId("FEN");

        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall("FEN"));
        Assert.Equal("2026-000001", created.Number);

        var v = await _world.VersionOf(created.Id);
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Screen, "Kurallara uygun."));
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Route, "Fen İşleri'ne.", DirectorateId: fen));
        v = await _world.Service(director).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Assign, AssigneeId: worker.UserId));
        v = await _world.Service(worker).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Start));
        _world.Clock.Now = _world.Clock.Now.AddHours(5);
        v = await _world.Service(worker).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Resolve, "Çukur asfaltla kapatıldı."));
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Answer, "Çukur kapatıldı, teşekkür ederiz.", ReplyChannel: ReplyChannel.Telefon));
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Close));

        var detail = (await _world.Details(desk).GetAsync(created.Id))!;
        Assert.Equal(RequestStatus.Kapandi, detail.Request.Status);
        Assert.Equal(
            [RequestStatus.Yeni, RequestStatus.OnInceleme, RequestStatus.HavaleEdildi, RequestStatus.Atandi, RequestStatus.Islemde,
             RequestStatus.Cozuldu, RequestStatus.Cevaplandi, RequestStatus.Kapandi],
            detail.History.Select(h => h.To));
        Assert.All(detail.History, h => Assert.False(string.IsNullOrEmpty(h.UserName)));
        Assert.Equal(worker.Name, detail.History.Single(h => h.To == RequestStatus.Cozuldu).UserName);
        Assert.Equal("Çukur asfaltla kapatıldı.", detail.Request.Resolution);
        Assert.Equal(ReplyChannel.Telefon, detail.Request.ReplyChannel);
        Assert.Equal(300, detail.Request.ResolutionMinutes);
        Assert.True(detail.Request.ResolvedInTime);
        Assert.Equal(worker.Name, detail.Assignee);
        Assert.Contains(detail.TimeInStatus, t => t.Status == RequestStatus.Islemde && t.Duration == TimeSpan.FromHours(5));
        Assert.Equal(8, _world.Changes.Published.Count(t => t == ChangeTopic.Requests));
    }

    [Fact]
    public async Task The_deadline_comes_from_the_category_and_the_working_calendar()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = _world.PhoneCall();
        var created = await _world.Service(desk).CreateAsync(form);

        await using var db = _world.Database.Create(UserContext.System);
        var r = await db.Requests.Include(x => x.Category).SingleAsync(x => x.Id == created.Id);
        var calendar = new Intranet.Core.Calendar.WorkingCalendar(Intranet.Core.Calendar.TurkishHolidays.Shipped());
        var expected = new DeadlinePolicy(calendar, new DeadlineOptions()).Compute(r, r.Category!);
        Assert.Equal(expected.DueAt, r.DueAt);
        Assert.True(r.DueAt > r.CreatedAt);
        Assert.Equal(new DateOnly(2026, 11, 25), r.CreatedOn);
    }

    [Fact]
    public async Task A_step_the_workflow_does_not_allow_is_refused_with_the_allowed_ones_named()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall());

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _world.Service(desk).ApplyAsync(new RequestStep(created.Id, _world.VersionOf(created.Id).Result, RequestAction.Answer, "Cevap", ReplyChannel: ReplyChannel.Sms)));

        Assert.Contains("\"Yeni\" durumunda", error.Message);
        Assert.Contains("Ön İnceleme", error.Message);
        Assert.Equal(RequestStatus.Yeni, (await _world.Details(desk).GetAsync(created.Id))!.Request.Status);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_records_it_as_the_answer()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall());
        var v = await _world.VersionOf(created.Id);

        await Assert.ThrowsAsync<ValidationException>(() => _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Reject, "  ")));
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Reject, "Özel mülk içinde; belediyenin görev alanı dışında."));

        var detail = (await _world.Details(desk).GetAsync(created.Id))!;
        Assert.Equal(RequestStatus.UygunDegil, detail.Request.Status);
        Assert.Equal("Özel mülk içinde; belediyenin görev alanı dışında.", detail.Request.ReplyText);
    }

    [Fact]
    public async Task Rerouting_keeps_the_history_and_reopening_returns_the_request_to_its_directorate()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall());
        var v = await _world.VersionOf(created.Id);
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Route, DirectorateId: _world.DirectorateId("FEN")));
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Route, "Yanlış müdürlük.", DirectorateId: _world.DirectorateId("PARK")));
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Resolve, "Ağaç budandı."));
        v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Reopen, "Vatandaş tekrar aradı: budama eksik."));

        var detail = (await _world.Details(desk).GetAsync(created.Id))!;
        Assert.Equal(RequestStatus.HavaleEdildi, detail.Request.Status);
        Assert.Null(detail.Request.ResolvedAt);
        Assert.Equal(["Fen İşleri Müdürlüğü", "Park ve Bahçeler Müdürlüğü"],
            detail.History.Where(h => h.To == RequestStatus.HavaleEdildi).Take(2).Select(h => h.Directorate));
        Assert.Equal("Park ve Bahçeler Müdürlüğü", detail.Directorate);
    }

    [Fact]
    public async Task A_bilgi_edinme_extension_moves_the_deadline_to_30_working_days()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = _world.PhoneCall();
        form.Type = RequestType.BilgiEdinme;
        form.Channel = RequestChannel.Web;
        form.TcKimlikNo = "10000000146";
        var created = await _world.Service(desk).CreateAsync(form);
        var before = (await _world.Details(desk).GetAsync(created.Id))!.Request.DueAt;

        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.ExtendDeadline,
            "Başvurana 26.11.2026'da e-postayla bildirildi; diğer kurumun görüşü bekleniyor."));

        var after = (await _world.Details(desk).GetAsync(created.Id))!.Request;
        Assert.True(after.DeadlineExtended);
        // From Wed 25 Nov 2026 (start day not counted): 15 working days end Wed 16 Dec 17:30; 30 end Thu 7 Jan 2027
        // 17:30 (26 by Thu 31 Dec, Fri 1 Jan is Yılbaşı, then Mon 4 – Thu 7). Istanbul is UTC+3.
        Assert.Equal(new DateTime(2026, 12, 16, 14, 30, 0, DateTimeKind.Utc), before);
        Assert.Equal(new DateTime(2027, 1, 7, 14, 30, 0, DateTimeKind.Utc), after.DueAt);
    }

    [Fact]
    public async Task Every_change_to_a_request_is_audited_with_before_and_after()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall());
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.EditNote, "Vatandaş akşam aranacak."));

        await using var db = _world.Database.Create(UserContext.System);
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Request) && a.EntityId == created.Id.ToString()).ToListAsync();
        Assert.Contains(entries, a => a.Action == AuditActions.Added && a.UserName == desk.Name);
        var update = Assert.Single(entries, a => a.Action == AuditActions.Updated);
        Assert.Contains("\"Note\":null", update.Before);
        Assert.Contains("Vatandaş akşam aranacak.", update.After);
    }


    public void Dispose() => _world.Dispose();
}
