using Intranet.Core.Common;
using Intranet.Core.Performance;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Performance;

/// <summary>Indicators computed from the intranet's own records, cached per period and recomputed when the records change.</summary>
public class ComputedIndicatorTests : IDisposable
{
    private readonly PerformanceWorld _world = new();
    private readonly UserContext _desk, _director, _worker;

    public ComputedIndicatorTests()
    {
        _desk = _world.As("demo-halk-personel-1");
        _director = _world.As("demo-fen-mudur");
        _worker = _world.As("demo-fen-personel-1");
    }

    [Fact]
    public async Task Closing_a_request_changes_the_share_answered_in_time_on_the_review_without_anyone_typing_it()
    {
        var first = await AnsweredRequestAsync();
        // PG-HALK-01: requests closed in the period that were answered by their deadline, whole municipality.
        var indicator = _world.Indicator("PG-HALK-01");
        var review = _world.Review(_world.As("demo-ozk-1"));
        Assert.Null(Row(await review.LoadAsync(2026, null), "PG-HALK-01").Periods[3].Value); // answered, not yet closed

        var notified = Notified();
        await StepAsync(_desk, first, RequestAction.Close);
        await WaitAsync(notified);

        var q4 = Row(await review.LoadAsync(2026, null), "PG-HALK-01").Periods[3];
        Assert.Equal(100, q4.Value);
        Assert.True(q4.Live);
        Assert.Equal(100, await _world.Live.GetAsync(ComputedKey.For(indicator, 2026, 4)));

        // A second request answered after its deadline and closed: half of the closed ones were on time.
        var second = await AnsweredRequestAsync(answerAfter: TimeSpan.FromDays(20));
        // Twenty days on, the review is opened again (the cache dropped values nobody looked at for so long).
        Assert.Equal(100, Row(await review.LoadAsync(2026, null), "PG-HALK-01").Periods[3].Value);
        notified = Notified();
        await StepAsync(_desk, second, RequestAction.Close);
        await WaitAsync(notified);
        Assert.Equal(50, Row(await review.LoadAsync(2026, null), "PG-HALK-01").Periods[3].Value);
    }

    [Fact]
    public async Task Approving_a_computed_period_freezes_the_value_the_records_had()
    {
        var first = await AnsweredRequestAsync();
        await StepAsync(_desk, first, RequestAction.Close);
        var q4 = new PeriodRef(_world.Indicator("PG-HALK-01").Id, 2026, 4);
        var halkDirector = _world.Entries(_world.As("demo-halk-mudur"));
        // 100 % against a target of 85 % is beyond the 10 % threshold: the approval needs the explanation first.
        await Assert.ThrowsAsync<ValidationException>(() => halkDirector.ApproveAsync(q4, null));
        var v = await halkDirector.SaveAsync(new ActualInput(q4, null, "Yeni çağrı merkezi ile bütün başvurular süresinde cevaplandı.", null));
        await halkDirector.ApproveAsync(q4, v);

        var second = await AnsweredRequestAsync(answerAfter: TimeSpan.FromDays(20));
        await StepAsync(_desk, second, RequestAction.Close);
        await SettleAsync();

        var period = Row(await _world.Review(_world.As("demo-ozk-1")).LoadAsync(2026, null), "PG-HALK-01").Periods[3];
        Assert.Equal((100.0, ActualStatus.Onaylandi, false), (period.Value!.Value, period.Status!.Value, period.Live));
        await using var db = _world.Requests.Database.Create(UserContext.System);
        Assert.Equal(50, await ComputedIndicatorQueries.ComputeAsync(db, ComputedKey.For(_world.Indicator("PG-HALK-01"), 2026, 4), CancellationToken.None));
    }

    [Fact]
    public async Task Median_resolution_days_counts_the_directorates_resolved_requests()
    {
        var fen = _world.Requests.DirectorateId("FEN");
        var key = new ComputedKey(ComputedKind.MedianResolutionDays, fen, 2026, PeriodType.Quarterly, 4);
        await using (var db = _world.Requests.Database.Create(UserContext.System))
            Assert.Null(await ComputedIndicatorQueries.ComputeAsync(db, key, CancellationToken.None));

        foreach (var days in new[] { 1, 3, 8 }) await ResolvedRequestAsync(TimeSpan.FromDays(days));

        await using (var db = _world.Requests.Database.Create(UserContext.System))
        {
            Assert.Equal(3, await ComputedIndicatorQueries.ComputeAsync(db, key, CancellationToken.None));
            Assert.Null(await ComputedIndicatorQueries.ComputeAsync(db, key with { DirectorateId = _world.Requests.DirectorateId("TEM") }, CancellationToken.None));
        }
        await ResolvedRequestAsync(TimeSpan.FromDays(5));
        await using (var db = _world.Requests.Database.Create(UserContext.System))
            Assert.Equal(4, await ComputedIndicatorQueries.ComputeAsync(db, key, CancellationToken.None)); // (3 + 5) / 2
    }

    [Fact]
    public async Task A_burst_of_request_changes_recomputes_a_watched_value_per_window_not_per_change()
    {
        var key = ComputedKey.For(_world.Indicator("PG-HALK-01"), 2026, 4);
        var notices = 0;
        using var screen = _world.Live.Subscribe(() => { Interlocked.Increment(ref notices); return Task.CompletedTask; });
        await _world.Live.GetAsync(key);
        Assert.Equal(1, _world.Live.Computations);
        await _world.Live.GetAsync(key);
        Assert.Equal(1, _world.Live.Computations); // cached

        for (var i = 0; i < 50; i++) _world.Requests.Changes.Publish(ChangeTopic.Requests);
        await _world.Live.WhenIdleAsync(); // the burst's refreshes, the trailing one included, have run

        // The first read, then at most two rounds (the burst's start, and one window later for what came during it), each
        // computing at most twice (once more when a change arrived mid-computation): never once per change.
        Assert.InRange(_world.Live.Computations, 2, 5);
        Assert.Equal(0, notices); // nothing was closed: the value did not change, so no screen reloads
        // Other records' changes leave it alone.
        var before = _world.Live.Computations;
        _world.Requests.Changes.Publish(ChangeTopic.Press);
        await _world.Live.WhenIdleAsync();
        Assert.Equal(before, _world.Live.Computations);
    }

    /// <summary>
    /// The test database is one in-memory SQLite connection: let the refreshes a step set off finish before the test
    /// reads again, so the two never share the connection at once.
    /// </summary>
    private Task SettleAsync() => _world.Live.WhenIdleAsync();

    [Fact]
    public async Task With_no_screen_open_a_change_only_marks_the_value_stale_and_the_next_read_recomputes_it()
    {
        var key = ComputedKey.For(_world.Indicator("PG-HALK-01"), 2026, 4);
        var past = key with { Period = 1 };
        await _world.Live.GetAsync(key);
        await _world.Live.GetAsync(past);

        _world.Requests.Changes.Publish(ChangeTopic.Requests);
        await _world.Live.WhenIdleAsync();
        Assert.Equal(2, _world.Live.Computations);

        await _world.Live.GetAsync(key);
        await _world.Live.GetAsync(past); // an ended quarter is refreshed at most every few minutes
        Assert.Equal(3, _world.Live.Computations);
        _world.Requests.Clock.Now += TimeSpan.FromMinutes(6);
        _world.Requests.Changes.Publish(ChangeTopic.Requests);
        await Eventually.TrueAsync(async () => { await _world.Live.GetAsync(past); return _world.Live.Computations == 4; },
            "the ended quarter's recomputation six minutes on");
    }

    private async Task WaitAsync(Task notified)
    {
        try
        {
            await notified.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await using var db = _world.Requests.Database.Create(UserContext.System);
            var direct = await ComputedIndicatorQueries.ComputeAsync(db, ComputedKey.For(_world.Indicator("PG-HALK-01"), 2026, 4), CancellationToken.None);
            var cached = await _world.Live.GetAsync(ComputedKey.For(_world.Indicator("PG-HALK-01"), 2026, 4));
            Assert.Fail($"No live notice within 10 s (records: {direct}, cache: {cached}, computations: {_world.Live.Computations}, clock {_world.Requests.Clock.Now}). Log:\n{_world.Log}");
        }
    }

    private static IndicatorRow Row(PerformanceReviewResult? review, string code) => review!.Indicators.Single(i => i.Code == code);

    private Task Notified()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = _world.Live.Subscribe(() =>
        {
            done.TrySetResult();
            subscription?.Dispose();
            return Task.CompletedTask;
        });
        return done.Task;
    }

    private async Task<Guid> StepAsync(UserContext user, int id, RequestAction action, string? note = null, int? directorateId = null, int? assigneeId = null,
        ReplyChannel? channel = null) =>
        await _world.Requests.Service(user).ApplyAsync(new RequestStep(id, await _world.Requests.VersionOf(id), action, note, directorateId, assigneeId, channel));

    private async Task<int> ResolvedRequestAsync(TimeSpan after)
    {
        var created = await _world.Requests.Service(_desk).CreateAsync(_world.Requests.PhoneCall("FEN"));
        await StepAsync(_desk, created.Id, RequestAction.Route, "Fen İşleri'ne.", directorateId: _world.Requests.DirectorateId("FEN"));
        await StepAsync(_director, created.Id, RequestAction.Assign, assigneeId: _worker.UserId);
        var start = _world.Requests.Clock.Now;
        _world.Requests.Clock.Now = start + after;
        await StepAsync(_worker, created.Id, RequestAction.Resolve, "Yapıldı.");
        _world.Requests.Clock.Now = start;
        return created.Id;
    }

    /// <summary>A request taken to Cevaplandı; <paramref name="answerAfter"/> past intake (beyond the deadline if long).</summary>
    private async Task<int> AnsweredRequestAsync(TimeSpan? answerAfter = null)
    {
        var start = _world.Requests.Clock.Now;
        var id = await ResolvedRequestAsync(TimeSpan.FromHours(2));
        _world.Requests.Clock.Now = start + (answerAfter ?? TimeSpan.FromHours(3));
        await StepAsync(_desk, id, RequestAction.Answer, "Sorun giderildi.", channel: ReplyChannel.Telefon);
        await SettleAsync();
        return id;
    }

    public void Dispose() => _world.Dispose();
}
