using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>Law 4982 and CİMER at intake, and a 4982 refusal's legal ground and board objection.</summary>
public class LegalPathTests : IDisposable
{
    private readonly RequestWorld _world = new();

    private IntakeForm Application(RequestChannel channel = RequestChannel.Web)
    {
        var form = _world.PhoneCall("IMAR");
        form.Channel = channel;
        form.Type = RequestType.BilgiEdinme;
        form.Text = "2025 yılında mahallemizde verilen yapı ruhsatlarının sayısını öğrenmek istiyorum.";
        form.Address = null;
        return form;
    }

    [Theory]
    [InlineData(RequestChannel.CagriMerkezi, "telefonla alınamaz")]
    [InlineData(RequestChannel.Web, null)]
    public async Task A_4982_application_is_not_taken_by_phone(RequestChannel channel, string? message)
    {
        var form = Application(channel);
        form.TcKimlikNo = "10000000146";
        var desk = _world.Service(_world.As("demo-halk-personel-1"));

        if (message is null)
        {
            await desk.CreateAsync(form);
            return;
        }
        var error = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Contains(message, error.Fields[nameof(IntakeForm.Channel)]);
        await using var db = _world.Database.Create(UserContext.System);
        Assert.Equal(0, await db.Requests.CountAsync());
    }

    [Fact]
    public async Task A_4982_application_names_its_applicant_with_a_tc_kimlik_no_or_an_address()
    {
        var desk = _world.Service(_world.As("demo-halk-personel-1"));
        var form = Application();

        var neither = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Contains("kimlik numarası veya oturma yeri", neither.Fields[nameof(IntakeForm.TcKimlikNo)]);
        form.HasCitizen = false;
        var anonymous = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Contains("anonim olamaz", anonymous.Fields[nameof(IntakeForm.CitizenName)]);

        form.HasCitizen = true;
        form.Address = "Merkez Mah. Cendere Cad. No: 4 Kağıthane";
        await desk.CreateAsync(form);
        form.Address = null;
        form.TcKimlikNo = "10000000146";
        await desk.CreateAsync(form);
    }

    [Fact]
    public async Task A_cimer_application_carries_cimers_number_and_type_and_the_type_decides_ours()
    {
        var desk = _world.Service(_world.As("demo-halk-personel-1"));
        var form = _world.PhoneCall("ZAB");
        form.Channel = RequestChannel.Cimer;
        form.ExternalReference = "CMR-2026-1234567";

        var noType = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Contains("CİMER'deki türünü", noType.Fields[nameof(IntakeForm.CimerType)]);
        form.CimerType = CimerType.Ihbar;
        var mismatch = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Contains("\"İhbar\" olmalı", mismatch.Fields[nameof(IntakeForm.Type)]);

        form.Type = RequestType.Ihbar;
        var created = await desk.CreateAsync(form);
        var extras = (await _world.Extras(_world.As("demo-zab-mudur")).GetAsync(created.Id))!;
        Assert.Equal(CimerType.Ihbar, extras.CimerType);
        Assert.Equal("CMR-2026-1234567", (await _world.Details(_world.As("demo-zab-mudur")).GetAsync(created.Id))!.Request.ExternalReference);
    }

    [Fact]
    public async Task A_refusal_records_its_legal_ground_and_the_objection_to_the_board_is_tracked_with_its_dates()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = Application();
        form.TcKimlikNo = "10000000146";
        var created = await _world.Service(desk).CreateAsync(form);
        var legal = _world.Legal(desk);

        // No refusal without a legal ground.
        var version = await _world.VersionOf(created.Id);
        var ungrounded = await Assert.ThrowsAsync<ValidationException>(() =>
            _world.Service(desk).ApplyAsync(new RequestStep(created.Id, version, RequestAction.Reject, "Verilemez.")));
        Assert.Equal(LegalPathService.GroundRequired, ungrounded.Message);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => legal.SaveGroundsAsync(new LegalGrounds(created.Id, null, ["21"], null, false)));
        Assert.Contains("gerekçesini yazın", noReason.Message);
        await Assert.ThrowsAsync<ValidationException>(() => legal.SaveGroundsAsync(new LegalGrounds(created.Id, null, ["99"], "x", false)));
        var v = await legal.SaveGroundsAsync(new LegalGrounds(created.Id, null, ["21", "7"], "İstenen belgeler kişisel veri içeriyor.", false));
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.Reject, "Md. 21 gereği verilemez."));

        var view = (await legal.GetAsync(created.Id))!;
        Assert.Equal(["7", "21"], view.Articles);
        Assert.Equal(new DateOnly(2026, 11, 25), view.RefusedOn);
        Assert.Equal(new DateOnly(2026, 12, 10), view.ObjectionDeadline);
        Assert.True(view.CanRecordObjection);

        // The applicant objects a week later; the board decides two weeks after that.
        _world.Clock.Now = _world.Clock.Now.AddDays(21);
        var before = await Assert.ThrowsAsync<ValidationException>(() =>
            legal.SaveObjectionAsync(new BoardObjection(created.Id, v, new DateOnly(2026, 11, 20), null, null, null)));
        Assert.Contains("ret tarihinden", before.Message);
        var noOutcome = await Assert.ThrowsAsync<ValidationException>(() =>
            legal.SaveObjectionAsync(new BoardObjection(created.Id, v, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 15), null, null)));
        Assert.Contains("sonucu", noOutcome.Message);
        v = await legal.SaveObjectionAsync(new BoardObjection(created.Id, v, new DateOnly(2026, 12, 2), null, null, null));
        v = await legal.SaveObjectionAsync(new BoardObjection(created.Id, v, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 15), BoardOutcome.KismenKabulEdildi, "Kişisel veriler karartılarak verilecek."));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            legal.SaveObjectionAsync(new BoardObjection(created.Id, Guid.NewGuid(), new DateOnly(2026, 12, 2), null, null, null)));

        view = (await legal.GetAsync(created.Id))!;
        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 15), BoardOutcome.KismenKabulEdildi), (view.ObjectionOn, view.BoardDecisionOn, view.BoardOutcome));
        var timeline = (await _world.Details(desk).GetAsync(created.Id))!.History.Select(h => h.Note).ToList();
        Assert.Contains("4982 ret gerekçesi kaydedildi: md. 7, md. 21.", timeline);
        Assert.Contains("Başvuran Bilgi Edinme Değerlendirme Kuruluna itiraz etti (02.12.2026).", timeline);
        Assert.Contains("Kurul kararı (15.12.2026): İtiraz kısmen kabul edildi.", timeline);
    }

    [Fact]
    public async Task An_opinion_request_is_flagged_as_outside_the_law_and_only_the_desk_or_its_director_records_the_legal_path()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = Application();
        form.TcKimlikNo = "10000000146";
        var created = await _world.Service(desk).CreateAsync(form);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Legal(_world.As("demo-fen-mudur")).SaveGroundsAsync(new LegalGrounds(created.Id, null, [], null, true)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Legal(TestUsers.As("Staff", _world.DirectorateId("IMAR"))).SaveGroundsAsync(new LegalGrounds(created.Id, null, [], null, true)));

        await _world.Legal(desk).SaveGroundsAsync(new LegalGrounds(created.Id, null, [], null, ExcludedOpinionRequest: true));
        Assert.True((await _world.Legal(desk).GetAsync(created.Id))!.ExcludedOpinionRequest);
        // The md. 27 exclusion is itself the ground of the refusal.
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.Reject, "Kanun kapsamı dışında (md. 27)."));

        var plain = await _world.Service(desk).CreateAsync(_world.PhoneCall("IMAR"));
        Assert.Null(await _world.Legal(desk).GetAsync(plain.Id));
        await Assert.ThrowsAsync<ValidationException>(() => _world.Legal(desk).SaveGroundsAsync(new LegalGrounds(plain.Id, null, ["7"], "x", false)));
    }

    public void Dispose() => _world.Dispose();
}
