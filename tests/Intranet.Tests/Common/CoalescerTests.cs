using Intranet.Core.Common;
using Intranet.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Intranet.Tests.Common;

/// <summary>The one coalescing window of the live screens, on a fake clock: a window passes only when the test says so.</summary>
public class CoalescerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider _clock = new(TestClock.SuiteStart);
    private readonly List<Exception> _errors = [];
    private int _runs;

    private Coalescer Create(Func<int, Task>? work = null, TimeProvider? clock = null) => new(Window, clock ?? _clock, async () =>
    {
        var n = Interlocked.Increment(ref _runs);
        if (work is not null) await work(n);
    }, _errors.Add);

    [Fact]
    public async Task A_lone_request_runs_at_once_without_waiting_for_the_window()
    {
        var coalescer = Create();
        Assert.True(coalescer.IsIdle);

        coalescer.Request();
        await coalescer.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10)); // the clock never moved

        Assert.Equal(1, _runs);
        Assert.True(coalescer.IsIdle);
    }

    [Fact]
    public async Task A_second_request_within_the_window_waits_for_its_end_and_a_burst_becomes_one_run()
    {
        var coalescer = Create();
        coalescer.Request();
        await coalescer.WhenIdleAsync();

        for (var i = 0; i < 50; i++) coalescer.Request();
        Assert.False(coalescer.IsIdle);
        _clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _runs);                       // not before the window ends
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await coalescer.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task Requests_during_a_run_cause_exactly_one_more_run()
    {
        var running = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var coalescer = Create(async n =>
        {
            if (n != 1) return;
            running.TrySetResult();
            await release.Task;
        });

        coalescer.Request();
        await running.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 10; i++) coalescer.Request();
        release.SetResult();
        await Eventually.TrueAsync(() => { _clock.Advance(Window); return coalescer.IsIdle; }, "the run after the first");

        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task A_failing_run_is_reported_and_the_next_request_still_runs()
    {
        var coalescer = Create(n => n == 1 ? Task.FromException(new InvalidOperationException("bozuk")) : Task.CompletedTask);

        coalescer.Request();
        await coalescer.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(Window);
        coalescer.Request();
        await coalescer.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("bozuk", Assert.Single(_errors).Message);
        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task A_clock_set_back_never_postpones_a_run_beyond_one_window()
    {
        var clock = new SteppedClock(_clock);
        var coalescer = Create(clock: clock);
        coalescer.Request();
        await coalescer.WhenIdleAsync();

        clock.Offset = -TimeSpan.FromHours(1);       // NTP, or a person, sets the clock back an hour
        coalescer.Request();
        _clock.Advance(Window);
        await coalescer.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _runs);
    }

    /// <summary>The fake clock's timers, with a wall time that can be set back (FakeTimeProvider only moves forward).</summary>
    private sealed class SteppedClock(FakeTimeProvider inner) : TimeProvider
    {
        public TimeSpan Offset { get; set; }
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
