using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Core.Requests.Callbacks;
using Intranet.Core.Requests.Outbox;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests.SecondRound;

/// <summary>The sample of answered requests, the desk's record of each call, reopening, and the satisfaction figures.</summary>
public sealed class SatisfactionCallbackTests : IDisposable
{
    private readonly RequestWorld _world = new();
    private readonly RecordingSms _sms = new();

    public void Dispose() => _world.Dispose();

    private SecondRoundServices Desk(int share = 100) => new(_world, _world.As("demo-halk-personel-1"), sms: _sms, sharePercent: share);

    /// <summary>A request of this directorate, solved and answered by phone, with the given sample share.</summary>
    private async Task<int> AnsweredAsync(string directorate = "FEN", int share = 100, string neighbourhood = "Çağlayan")
    {
        var desk = Desk(share);
        var created = await desk.Requests.CreateAsync(_world.PhoneCall(directorate, neighbourhood));
        await desk.StepAsync(created.Id, RequestAction.Route, directorateId: _world.DirectorateId(directorate));
        await desk.StepAsync(created.Id, RequestAction.Resolve, "Yapıldı.");
        await desk.StepAsync(created.Id, RequestAction.Answer, "Sorununuz giderildi.", channel: ReplyChannel.Telefon);
        return created.Id;
    }

    private async Task<CallbackRow> WaitingAsync(int requestId) =>
        (await Desk().Callbacks.QueueAsync(waitingOnly: true)).Single(r => r.RequestId == requestId);

    [Fact]
    public void The_sample_is_a_fixed_function_of_the_number_and_matches_the_share()
    {
        var numbers = Enumerable.Range(1, 10_000).Select(i => RequestNumber.Format(2026, i)).ToList();

        Assert.Equal(numbers.Select(n => SatisfactionSampling.IsSampled(n, 20)), numbers.Select(n => SatisfactionSampling.IsSampled(n, 20)));
        var share = numbers.Count(n => SatisfactionSampling.IsSampled(n, 20)) / (double)numbers.Count;
        Assert.InRange(share, 0.18, 0.22);
        Assert.DoesNotContain(numbers, n => SatisfactionSampling.IsSampled(n, 0));
        Assert.All(numbers, n => Assert.True(SatisfactionSampling.IsSampled(n, 100)));
        // A larger share keeps everyone a smaller one picked: raising it never drops a request from the queue.
        Assert.All(numbers.Where(n => SatisfactionSampling.IsSampled(n, 10)), n => Assert.True(SatisfactionSampling.IsSampled(n, 30)));
    }

    [Fact]
    public async Task An_answered_request_enters_the_queue_only_when_it_is_in_the_sample()
    {
        var sampled = await AnsweredAsync(share: 100);
        var notSampled = await AnsweredAsync(share: 0);

        var queue = await Desk().Callbacks.QueueAsync(waitingOnly: true);

        var row = Assert.Single(queue);
        Assert.Equal(sampled, row.RequestId);
        Assert.Equal("Ş*** I***", row.Citizen);
        Assert.Equal("0532 *** ** 33", row.Phone);
        Assert.Equal(CallbackStatus.Bekliyor, row.Status);
        Assert.DoesNotContain(queue, r => r.RequestId == notSampled);
    }

    [Fact]
    public async Task Not_solved_reopens_the_request_with_the_citizens_words_in_its_history()
    {
        var id = await AnsweredAsync();
        var row = await WaitingAsync(id);

        var (_, reopened) = await Desk().Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord
            { Method = CallbackMethod.Telefon, Solved = false, Score = 2, CitizenWords = "Çukur yine açıldı, araçlar içine düşüyor." });

        Assert.True(reopened);
        var detail = (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(id))!;
        Assert.Equal(RequestStatus.HavaleEdildi, detail.Request.Status);
        Assert.Null(detail.Request.AnsweredAt);
        Assert.Null(detail.Request.ResolvedAt);
        var step = detail.History[^1];
        Assert.Equal((RequestStatus.Cevaplandi, RequestStatus.HavaleEdildi), (step.From, step.To));
        Assert.Contains("“Çukur yine açıldı, araçlar içine düşüyor.”", step.Note);
        Assert.Contains("2/5", step.Note);
        Assert.Empty(await Desk().Callbacks.QueueAsync(waitingOnly: true));
        var summary = Assert.Single(await Desk().Callbacks.ForRequestAsync(id));
        Assert.Equal((CallbackStatus.Tamamlandi, (bool?)false, (int?)2), (summary.Status, summary.Solved, summary.Score));
    }

    [Fact]
    public async Task Solved_is_recorded_without_touching_the_request_and_a_second_record_is_a_conflict()
    {
        var id = await AnsweredAsync();
        var row = await WaitingAsync(id);
        var before = await _world.VersionOf(id);

        var (_, reopened) = await Desk().Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord { Solved = true, Score = 5 });

        Assert.False(reopened);
        Assert.Equal(before, await _world.VersionOf(id));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desk().Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord { Solved = false, Score = 1, CitizenWords = "x" }));
        Assert.Equal(RequestStatus.Cevaplandi, (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(id))!.Request.Status);
    }

    [Fact]
    public async Task The_record_is_checked_and_a_citizen_not_reached_three_times_leaves_the_queue()
    {
        var id = await AnsweredAsync();
        var row = await WaitingAsync(id);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Desk().Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord { Solved = false, Score = 7 }));
        Assert.Equal([nameof(CallbackRecord.CitizenWords), nameof(CallbackRecord.Score)], error.Fields.Keys.Order());

        for (var i = 0; i < SatisfactionCallbackService.MaxAttempts; i++)
        {
            row = (await Desk().Callbacks.QueueAsync(waitingOnly: false)).Single(r => r.RequestId == id);
            await Desk().Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord { Reached = false });
        }

        Assert.Empty(await Desk().Callbacks.QueueAsync(waitingOnly: true));
        var done = (await Desk().Callbacks.QueueAsync(waitingOnly: false)).Single(r => r.RequestId == id);
        Assert.Equal((CallbackStatus.Ulasilamadi, 3), (done.Status, done.Attempts));
    }

    [Fact]
    public async Task Only_the_desk_calls_citizens_back()
    {
        var id = await AnsweredAsync();
        var row = await WaitingAsync(id);
        var director = new SecondRoundServices(_world, _world.As("demo-fen-mudur"));

        Assert.False(director.Callbacks.IsDesk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Callbacks.QueueAsync(waitingOnly: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord { Solved = true, Score = 5 }));
        Assert.Empty(await new SecondRoundServices(_world, _world.As("demo-ozk-1")).Callbacks.ForRequestAsync(int.MaxValue));
    }

    [Fact]
    public async Task The_question_by_sms_goes_through_the_outbox_once()
    {
        var id = await AnsweredAsync();
        var row = await WaitingAsync(id);

        var (version, sms) = await Desk().Callbacks.AskBySmsAsync(row.Id, row.Version);

        Assert.True(sms.IsSent);
        Assert.Equal(MessagePurpose.MemnuniyetSorusu, sms.Purpose);
        var (phone, text) = Assert.Single(_sms.Sent);
        Assert.Equal("05321112233", phone);
        Assert.Contains("çözüldü mü", text);
        await Assert.ThrowsAsync<ValidationException>(() => Desk().Callbacks.AskBySmsAsync(row.Id, version));
        Assert.Single(_sms.Sent);
    }

    [Fact]
    public async Task Satisfaction_per_directorate_category_and_neighbourhood_matches_the_hand_count()
    {
        // Fen (Çağlayan): scores 5, 4, 2 → 2 of 3 satisfied (4-5), average 11/3, 2 said solved.
        // Park (Gültepe): score 3 → 0 of 1 satisfied. One more Fen callback still waiting counts nowhere.
        foreach (var (dir, hood, score, solved) in new[] { ("FEN", "Çağlayan", 5, true), ("FEN", "Çağlayan", 4, true), ("FEN", "Çağlayan", 2, false), ("PARK", "Gültepe", 3, true) })
        {
            var id = await AnsweredAsync(dir, neighbourhood: hood);
            var row = await WaitingAsync(id);
            await Desk().Callbacks.RecordAsync(row.Id, row.Version, new CallbackRecord { Solved = solved, Score = score, CitizenWords = solved ? null : "Olmadı." });
        }
        await AnsweredAsync("FEN");

        var byDirectorate = await Desk().Satisfaction.GetAsync(new RequestFilter(), StatisticsDimension.Directorate);
        var fen = byDirectorate.Rows.Single(r => r.Key == _world.DirectorateId("FEN"));
        Assert.Equal((3, 2, 2), (fen.Reached, fen.Satisfied, fen.SaidSolved));
        Assert.Equal(2.0 / 3, fen.SatisfactionRate!.Value, 6);
        Assert.Equal(11.0 / 3, fen.AverageScore!.Value, 6);
        var park = byDirectorate.Rows.Single(r => r.Key == _world.DirectorateId("PARK"));
        Assert.Equal(0.0, park.SatisfactionRate!.Value, 6);
        Assert.Equal((4, 2), (byDirectorate.Total.Reached, byDirectorate.Total.Satisfied));
        Assert.Equal(0.5, byDirectorate.Total.SatisfactionRate!.Value, 6);

        var byNeighbourhood = await Desk().Satisfaction.GetAsync(new RequestFilter(), StatisticsDimension.Neighbourhood);
        Assert.Equal(["Çağlayan", "Gültepe"], byNeighbourhood.Rows.Select(r => r.Name));
        var byCategory = await Desk().Satisfaction.GetAsync(new RequestFilter(), StatisticsDimension.Category);
        Assert.Equal(2, byCategory.Rows.Count);
        // A Fen director sees only Fen's figures.
        var own = await new SecondRoundServices(_world, _world.As("demo-fen-mudur")).Satisfaction.GetAsync(new RequestFilter(), StatisticsDimension.Directorate);
        Assert.Equal(3, Assert.Single(own.Rows).Reached);
    }
}
