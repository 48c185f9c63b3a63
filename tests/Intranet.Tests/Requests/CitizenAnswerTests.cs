using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

public class CitizenAnswerTests : IDisposable
{
    private readonly RequestWorld _world = new();

    private sealed class RecordingSms(bool fail = false) : ISmsSender
    {
        public List<(string Phone, string Text)> Sent { get; } = [];
        public Task SendAsync(string phone, string text, MessageKind kind, CancellationToken ct = default)
        {
            if (fail) throw new HttpRequestException("Operatör 503 döndü");
            Sent.Add((phone, text));
            return Task.CompletedTask;
        }
    }

    private sealed class NoEmail : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken ct = default) => throw new InvalidOperationException("e-posta beklenmiyordu");
    }

    [Fact]
    public async Task An_sms_answer_goes_to_the_citizens_phone_and_the_step_records_channel_and_time()
    {
        var sms = new RecordingSms();
        var desk = _world.As("demo-halk-personel-1");
        var id = await ResolvedRequestAsync(desk);

        await _world.Service(desk, new NoEmail(), sms).ApplyAsync(new RequestStep(id, await _world.VersionOf(id), RequestAction.Answer,
            "Talebiniz yerine getirildi.", ReplyChannel: ReplyChannel.Sms));

        var (phone, text) = Assert.Single(sms.Sent);
        Assert.Equal("05321112233", phone);
        Assert.Contains("Talebiniz yerine getirildi.", text);
        var r = (await _world.Details(desk).GetAsync(id))!.Request;
        Assert.Equal(RequestStatus.Cevaplandi, r.Status);
        Assert.Equal(ReplyChannel.Sms, r.ReplyChannel);
        Assert.Equal(_world.Clock.Now.UtcDateTime, r.AnsweredAt);
    }

    [Fact]
    public async Task A_failed_send_records_nothing_and_says_why()
    {
        var desk = _world.As("demo-halk-personel-1");
        var id = await ResolvedRequestAsync(desk);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(desk, new NoEmail(), new RecordingSms(fail: true))
            .ApplyAsync(new RequestStep(id, _world.VersionOf(id).Result, RequestAction.Answer, "Talebiniz yerine getirildi.", ReplyChannel: ReplyChannel.Sms)));

        Assert.StartsWith("Cevap gönderilemedi", error.Message);
        Assert.Equal(RequestStatus.Cozuldu, (await _world.Details(desk).GetAsync(id))!.Request.Status);
    }

    [Fact]
    public async Task A_stale_answer_is_refused_before_anything_is_sent()
    {
        var sms = new RecordingSms();
        var desk = _world.As("demo-halk-personel-1");
        var id = await ResolvedRequestAsync(desk);
        var stale = await _world.VersionOf(id);
        await _world.Service(desk).ApplyAsync(new RequestStep(id, stale, RequestAction.EditNote, "Vatandaş aranacak."));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Service(desk, new NoEmail(), sms)
            .ApplyAsync(new RequestStep(id, stale, RequestAction.Answer, "Cevap", ReplyChannel: ReplyChannel.Sms)));

        Assert.Empty(sms.Sent);
    }

    private async Task<int> ResolvedRequestAsync(UserContext desk)
    {
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall());
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.Route, DirectorateId: _world.DirectorateId("FEN")));
        await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.Resolve, "Yapıldı."));
        return created.Id;
    }


    public void Dispose() => _world.Dispose();
}
