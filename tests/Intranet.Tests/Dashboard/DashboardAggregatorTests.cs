using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Tests.Dashboard;

public class DashboardAggregatorTests
{
    private readonly InProcessChangeFeed _feed = new();
    private int _computations;

    private DashboardAggregator Create(TimeSpan window, TimeSpan? computeTime = null) => new(
        async (scope, version, ct) =>
        {
            Interlocked.Increment(ref _computations);
            if (computeTime is { } t) await Task.Delay(t, ct);
            return Snapshot(scope, version);
        },
        _feed, new DashboardOptions { CoalesceWindow = window }, TimeProvider.System, NullLogger<DashboardAggregator>.Instance);

    private static DashboardSnapshot Snapshot(DashboardScope scope, long version) =>
        new(scope, new HeadlineNumbers((int)version, 0, 0, 0, 0, 0), [], [], [], [], [], [], default, default, DateTime.UtcNow, version);

    [Fact]
    public async Task Many_screens_of_one_scope_share_one_computation_per_change()
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
    public async Task A_burst_of_changes_becomes_at_most_one_refresh_per_window_and_ends_on_the_latest_data()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(300));
        DashboardSnapshot? last = null;
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { last = s; return Task.CompletedTask; });

        for (var i = 0; i < 100; i++) _feed.Publish(ChangeTopic.Requests);   // a burst within one window
        await WaitUntilAsync(() => last is not null);
        await Task.Delay(900);                                                // let any trailing refresh finish

        // One refresh at the burst's start and at most one after the window for what came during it.
        Assert.InRange(_computations, 1, 2);
        Assert.Equal(_computations, last!.Version);
    }

    [Fact]
    public async Task Changes_during_a_refresh_cause_exactly_one_more()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(20), computeTime: TimeSpan.FromMilliseconds(300));
        var versions = new List<long>();
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, s => { lock (versions) versions.Add(s.Version); return Task.CompletedTask; });

        _feed.Publish(ChangeTopic.Requests);
        await Task.Delay(100);                                                 // the first refresh is computing
        for (var i = 0; i < 10; i++) _feed.Publish(ChangeTopic.Requests);
        await WaitUntilAsync(() => { lock (versions) return versions.Count >= 2; });
        await Task.Delay(700);

        Assert.Equal(2, _computations);
        Assert.Equal([1L, 2L], versions);
    }

    [Fact]
    public async Task A_scope_nobody_watches_is_not_recomputed_until_someone_reads_it()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(10));
        var scope = new DashboardScope(DirectorateId: 7);
        var first = await aggregator.GetAsync(scope);

        _feed.Publish(ChangeTopic.Requests);
        await Task.Delay(200);
        Assert.Equal(1, _computations);

        var second = await aggregator.GetAsync(scope);
        Assert.Equal(2, _computations);
        Assert.True(second.Version > first.Version);
        Assert.Same(second, await aggregator.GetAsync(scope));
    }

    [Fact]
    public async Task Topics_that_do_not_feed_the_dashboard_cause_no_work()
    {
        using var aggregator = Create(TimeSpan.FromMilliseconds(10));
        using var _ = aggregator.Subscribe(DashboardScope.Municipality, _ => Task.CompletedTask);
        await aggregator.GetAsync(DashboardScope.Municipality);

        _feed.Publish(ChangeTopic.Notifications);
        await Task.Delay(200);

        Assert.Equal(1, _computations);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the condition was not met within 5 s");
    }
}
