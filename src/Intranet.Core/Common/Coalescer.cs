namespace Intranet.Core.Common;

/// <summary>
/// Turns a stream of "something changed" into at most one run of a piece of work per window: at once when the last
/// run began at least a window ago (a lone change shows without delay), otherwise when the window ends (a burst
/// becomes one run per window); changes during a run cause exactly one more. The window is read from the
/// <see cref="TimeProvider"/>, so a test advances a fake clock instead of sleeping through it, and a clock set back
/// (NTP, a test) never postpones a run beyond one window. The work's errors go to <paramref name="onError"/>; the
/// coalescer keeps going.
/// </summary>
public sealed class Coalescer(TimeSpan window, TimeProvider clock, Func<Task> work, Action<Exception> onError)
{
    private readonly object _gate = new();
    private bool _scheduled, _running, _again;
    private DateTimeOffset _lastStarted = DateTimeOffset.MinValue;
    private TaskCompletionSource? _busy;

    /// <summary>Asks for a run. Returns at once; the run happens on another thread, never on the caller's.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_running) { _again = true; return; }
            if (_scheduled) return;
            _scheduled = true;
            _busy ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = RunAfterWindowAsync();
    }

    /// <summary>True when no run is waiting for its window or running.</summary>
    public bool IsIdle
    {
        get { lock (_gate) return _busy is null; }
    }

    /// <summary>Completes when no run is waiting or running (at once when idle). A run waiting for its window waits for the clock.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return _busy?.Task ?? Task.CompletedTask;
    }

    private async Task RunAfterWindowAsync()
    {
        TimeSpan wait;
        lock (_gate) wait = _lastStarted + window - clock.GetUtcNow();
        if (wait > window) wait = window;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        else await Task.Yield(); // never on the requester's thread: the save that published returns first
        lock (_gate)
        {
            _scheduled = false;
            _running = true;
            _lastStarted = clock.GetUtcNow();
        }
        try
        {
            await work();
        }
        catch (Exception ex)
        {
            onError(ex);
        }
        finally
        {
            bool again;
            TaskCompletionSource? idle = null;
            lock (_gate)
            {
                _running = false;
                again = _again;
                _again = false;
                if (again) _scheduled = true;
                else (idle, _busy) = (_busy, null);
            }
            if (again) _ = RunAfterWindowAsync();
            idle?.TrySetResult();
        }
    }
}
