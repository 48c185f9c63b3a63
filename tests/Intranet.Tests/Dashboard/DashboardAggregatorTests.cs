using Intranet.Tests.Infrastructure;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Intranet.Tests.Dashboard;

/// <summary>
/// The shared dashboard cache on a fake clock: a coalescing window passes only when the test advances the clock, so
/// "nothing more happened" is checked once the aggregator is idle, never by sleeping through a window.
/// </summary>
public class DashboardAggregatorTests
{
    private readonly InProcessChangeFeed _feed = new();
    private readonly FakeTimeProvider _clock = new(TestClock.SuiteStart);
    private int _computations;
    private TimeSpan _window;

    /// <summary>An aggregator whose every load counts "open requests" as the number of loads so far (so each differs).</summary>
    private DashboardAggregator Create(TimeSpan window, Func<int, Task>? gate = null, TimeSpan? reloadInterval = null)
    {
        _window = window;
        return new(
            async (scope, ct) =>
            {
                var n = Interlocked.Increment(ref _computations);
                if (gate is not null) await gate(n);
                return Figures(scope, open: n);
            },
            _feed, new DashboardOptions { CoalesceWindow = window, ReloadInterval = reloadInterval ?? TimeSpan.FromHours(1) },
            _clock, NullLogger<DashboardAggregator>.Instance);
    }

    /// <summary>Lets every push the published changes set off run, advancing the clock through their windows.</summary>
    private Task SettleAsync(DashboardAggregator aggregator) => Eventually.TrueAsync(() =>
    {
        if (aggregator.WhenIdleAsync().IsCompleted) return true;
        // A push waiting for its window runs when the clock passes it; one that is running finishes by itself.
        _clock.Advance(_window);
        return false;
    }, "the aggregator's pushes");

    private DashboardFigures Figures(DashboardScope scope, int open)
    {
        var figures = new DashboardFigures(scope, DashboardFrame.For(scope, _clock.UtcNow()),
            new Dictionary<int, string> { [1] = "Çağlayan", [2] = "Gürsel" }, new Dictionary<int, string> { [1] = "Fen İşleri", [2] = "Zabıta" },
            new Dictionary<int, string> { [1] = "Yol bakım" });
        figures.LoadOpen(1, 1, open, 0);
        figures.LoadOldest([]);
        figures.SealLoaded();
        return figures;
    }

    private RequestFacts Intake(int id, int directorate) => new(id, $"2026-{id:000000}", RequestStatus.Yeni, 1, directorate, 1,
        RequestChannel.Web, _clock.UtcNow(), _clock.IstanbulToday(), _clock.UtcNow().AddDays(5), null, null, null, null);

    [Fact]
    public async Task Many_screens_of_one_scope_share_one_load_per_change_without_detail()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(50));
        await aggregator.GetAsync(DashboardScope.Municipality);
        var received = new TaskCompletionSource[200];
        var subscriptions = Enumerable.Range(0, 200).Select(i =>
        {
            received[i] = new TaskCompletionSource();
            return aggregator.Subscribe(DashboardScope.Municipality, _ => { received[i].TrySetResult(); return Task.CompletedTask; });
        }).ToList();
        var before = _computations;

        _feed.Publish(ChangeTopic.Requests);
        await Task.WhenAll(received.Select(r => r.Task)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _computations - before);
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_change_with_detail_reaches_every_screen_without_a_load()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(50));
        var first = await aggregator.GetAsync(DashboardScope.Municipality);
        var screens = Enumerable.Range(0, 100).Select(_ => new TaskCompletionSource<DashboardSnapshot>()).ToList();
        var subscriptions = screens.Select(s => aggregator.Subscribe(DashboardScope.Municipality, x => { s.TrySetResult(x); return Task.CompletedTask; })).ToList();

        _feed.Publish(ChangeEvent.ForRequest(null, Intake(7, directorate: 2)));
        var shown = await Task.WhenAll(screens.Select(s => s.Task)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _computations);
        Assert.All(shown, s => Assert.Same(shown[0], s));                                  // one snapshot object for all
        Assert.Equal(first.Headline.Open + 1, shown[0].Headline.Open);
        Assert.Equal(1, shown[0].ByDirectorate.Single(d => d.Name == "Zabıta").Open);
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Parts_of_a_snapshot_that_a_change_leaves_alone_are_the_same_objects_as_before()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(10));
        var first = await aggregator.GetAsync(DashboardScope.Municipality);
        var next = new TaskCompletionSource<DashboardSnapshot>();
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { next.TrySetResult(s); return Task.CompletedTask; });

        // A request from last year re-routed from Fen İşleri to Zabıta: only the directorate figures (and the oldest list) move.
        var old = Intake(12, directorate: 1) with { CreatedAt = _clock.UtcNow().AddYears(-1), CreatedOn = _clock.IstanbulToday().AddYears(-1) };
        _feed.Publish(ChangeEvent.ForRequest(old, old with { DirectorateId = 2, Status = RequestStatus.HavaleEdildi }));
        var second = await next.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Same(first.Headline, second.Headline);
        Assert.Same(first.ByNeighbourhood, second.ByNeighbourhood);
        Assert.Same(first.Trend, second.Trend);
        Assert.Same(first.ChannelMix, second.ChannelMix);
        Assert.NotSame(first.ByDirectorate, second.ByDirectorate);
        Assert.Equal(1, second.ByDirectorate.Single(d => d.Name == "Zabıta").Open);
    }

    [Fact]
    public async Task A_change_that_moves_no_figure_of_a_scope_is_not_pushed_to_its_screens()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(10));
        var fen = new DashboardScope(DirectorateId: 1);
        await aggregator.GetAsync(fen);
        var pushes = 0;
        using var _ = aggregator.Subscribe(fen, _ => { Interlocked.Increment(ref pushes); return Task.CompletedTask; });

        _feed.Publish(ChangeEvent.ForRequest(null, Intake(8, directorate: 2)));             // another directorate
        var note = Intake(9, directorate: 1);
        _feed.Publish(ChangeEvent.ForRequest(note, note));                                   // a note: nothing counted moved
        await SettleAsync(aggregator);
        Assert.Equal(0, pushes);

        _feed.Publish(ChangeEvent.ForRequest(null, Intake(10, directorate: 1)));
        await SettleAsync(aggregator);
        Assert.Equal(1, pushes);
        Assert.Equal(1, _computations);
    }

    [Fact]
    public async Task Changes_that_arrive_while_a_reload_reads_are_replayed_on_what_it_read()
    {
        var reading = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var gated = false;
        using var aggregator = Create(TimeSpan.FromMilliseconds(10), gate: async _ =>
        {
            if (!gated) return;
            reading.TrySetResult();
            await release.Task;
        });
        var first = await aggregator.GetAsync(DashboardScope.Municipality);               // open = 1
        DashboardSnapshot? last = null;
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { last = s; return Task.CompletedTask; });

        gated = true;
        _feed.Publish(ChangeTopic.Requests);                                                 // no detail: a reload begins
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(5));
        _feed.Publish(ChangeEvent.ForRequest(null, Intake(11, directorate: 1)));            // arrives while it reads
        release.SetResult();

        await SettleAsync(aggregator);
        Assert.Equal(2 + 1, last?.Headline.Open);                                            // second load's 2, plus the change
        Assert.Equal(1, first.Headline.Open);
    }

    [Fact]
    public async Task A_burst_of_changes_becomes_at_most_one_reload_per_window_and_ends_on_the_latest_data()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(300));
        DashboardSnapshot? last = null;
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { last = s; return Task.CompletedTask; });

        for (var i = 0; i < 100; i++) _feed.Publish(ChangeTopic.Requests);   // a burst within one window
        await SettleAsync(aggregator);                                        // the trailing refresh included

        // One load at the burst's start and at most one after the window for what came during it.
        Assert.InRange(_computations, 1, 2);
        Assert.Equal(_computations, last!.Headline.Open);
    }

    [Fact]
    public async Task Changes_during_a_reload_cause_exactly_one_more()
    {
        var reading = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var aggregator = Create(TimeSpan.FromMilliseconds(20), gate: async n =>
        {
            if (n != 1) return;
            reading.TrySetResult();
            await release.Task;
        });
        var opens = new List<int>();
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { lock (opens) opens.Add(s.Headline.Open); return Task.CompletedTask; });

        _feed.Publish(ChangeTopic.Requests);
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(10));               // the first reload is reading
        for (var i = 0; i < 10; i++) _feed.Publish(ChangeTopic.Requests);
        release.SetResult();
        await SettleAsync(aggregator);

        Assert.Equal(2, _computations);
        Assert.Equal([1, 2], opens);
    }

    [Fact]
    public async Task A_scope_nobody_watches_is_not_reloaded_until_someone_reads_it()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(10));
        var scope = new DashboardScope(DirectorateId: 7);
        var first = await aggregator.GetAsync(scope);

        _feed.Publish(ChangeTopic.Requests);
        await SettleAsync(aggregator);
        Assert.Equal(1, _computations);

        var second = await aggregator.GetAsync(scope);
        Assert.Equal(2, _computations);
        Assert.True(second.Version > first.Version);
        Assert.Same(second, await aggregator.GetAsync(scope));
    }

    [Fact]
    public async Task Watched_scopes_are_reloaded_on_the_slow_cadence_and_unwatched_ones_are_not()
    {
        var interval = TimeSpan.FromMinutes(2);
        using var aggregator = Create(TimeSpan.FromMilliseconds(10), reloadInterval: interval);
        await aggregator.GetAsync(DashboardScope.Municipality);
        await aggregator.GetAsync(new DashboardScope(DirectorateId: 7));
        DashboardSnapshot? last = null;
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { last = s; return Task.CompletedTask; });

        _clock.Advance(interval);
        await Eventually.TrueAsync(() => last?.Headline.Open == 3, "the first cadence reload");   // loads 3, 4 are the municipality's
        _clock.Advance(interval);
        await Eventually.TrueAsync(() => last?.Headline.Open == 4, "the second cadence reload");
        Assert.Equal(4, _computations);
    }

    [Fact]
    public async Task Topics_that_do_not_feed_the_dashboard_cause_no_work()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(10));
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, _ => Task.CompletedTask);
        await aggregator.GetAsync(DashboardScope.Municipality);

        _feed.Publish(ChangeTopic.Notifications);
        await SettleAsync(aggregator);

        Assert.Equal(1, _computations);
    }
}
