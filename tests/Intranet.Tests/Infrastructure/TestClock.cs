using System.Diagnostics;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// A wall clock pinned where the test puts it (<see cref="Now"/>), so the dates a test asserts on and the demo data
/// seeded around the same clock always agree, whatever day the suite runs. Timers still run in real time; a test of
/// timing itself uses <c>FakeTimeProvider</c>, whose timers fire only when the test advances it.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The day the suite is set on: Wednesday 25 November 2026, 10:00 in Istanbul (an ordinary working day).</summary>
    public static readonly DateTimeOffset SuiteStart = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The clock of every app a test starts (<see cref="IntranetWebFactory"/>): <see cref="TestClock.SuiteStart"/> when the
/// test process began, moving on with the machine's monotonic clock, so the app's timers, timeouts and "a minute
/// later" behave while its dates do not depend on the day the suite runs. One instance per process: a restarted or
/// second server goes on from the same time and never sees the clock go back.
/// </summary>
public sealed class RunningTestClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    private RunningTestClock(DateTimeOffset start) => _start = start;

    public static RunningTestClock Shared { get; } = new(TestClock.SuiteStart);

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_startTimestamp);
}
