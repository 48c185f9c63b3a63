using System.Collections.Concurrent;
using Intranet.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intranet.Core.Dashboard;

public sealed class DashboardOptions
{
    /// <summary>Changes within this window become one refresh per scope (and so one render per screen).</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(150);
    /// <summary>A scope nobody watched for this long is dropped from the cache.</summary>
    public TimeSpan IdleEviction { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The dashboards' shared cache. One snapshot per <see cref="DashboardScope"/> serves every circuit that shows it.
/// A change on the <see cref="IChangeFeed"/> marks all snapshots stale and schedules one refresh: at once when the
/// last refresh began at least a coalescing window ago (a lone change shows without delay), otherwise when that window
/// ends (a burst becomes one refresh per window). The refresh recomputes each watched scope once and hands the new
/// snapshot to its subscribers; changes that arrive during it cause exactly one more. Unwatched scopes are
/// recomputed lazily on their next read.
/// </summary>
public sealed class DashboardAggregator : IDisposable
{
    private static readonly ChangeTopic[] Relevant = [ChangeTopic.Requests];

    private readonly Func<DashboardScope, long, CancellationToken, Task<DashboardSnapshot>> _compute;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<DashboardScope, Entry> _entries = new();
    private readonly IDisposable _feedSubscription;
    private readonly object _gate = new();
    private bool _flushScheduled;
    private bool _flushing;
    private bool _changedDuringFlush;
    private long _version;
    private DateTimeOffset _lastFlushStarted = DateTimeOffset.MinValue;

    public DashboardAggregator(Func<DashboardScope, long, CancellationToken, Task<DashboardSnapshot>> compute, IChangeFeed feed,
        DashboardOptions options, TimeProvider clock, ILogger<DashboardAggregator> logger)
    {
        _compute = compute;
        _options = options;
        _clock = clock;
        _logger = logger;
        _feedSubscription = feed.Subscribe(OnChange);
    }

    /// <summary>The app's wiring: each computation runs in its own short-lived scope with its own context.</summary>
    public static DashboardAggregator Create(IServiceProvider services) => new(
        async (scope, version, ct) =>
        {
            await using var serviceScope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return await serviceScope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(scope, version, ct);
        },
        services.GetRequiredService<IChangeFeed>(), services.GetRequiredService<DashboardOptions>(),
        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<DashboardAggregator>>());

    /// <summary>How many times a snapshot was computed: the cost that coalescing and sharing keep down.</summary>
    public long Computations => Interlocked.Read(ref _version);

    public Task<DashboardSnapshot> GetAsync(DashboardScope scope, CancellationToken ct = default)
    {
        var entry = _entries.GetOrAdd(scope, _ => new Entry());
        entry.Touch(_clock.GetUtcNow());
        return entry.Snapshot is { } ready && !entry.Stale ? Task.FromResult(ready) : RefreshAsync(scope, entry, ct);
    }

    /// <summary>Calls <paramref name="onUpdate"/> with each new snapshot of the scope until the handle is disposed.</summary>
    public IDisposable Subscribe(DashboardScope scope, Func<DashboardSnapshot, Task> onUpdate)
    {
        var entry = _entries.GetOrAdd(scope, _ => new Entry());
        entry.Touch(_clock.GetUtcNow());
        entry.Add(onUpdate);
        return new Subscription(entry, onUpdate, _clock);
    }

    private Task<DashboardSnapshot> RefreshAsync(DashboardScope scope, Entry entry, CancellationToken ct)
    {
        lock (entry)
        {
            // One computation in flight per scope: concurrent readers share it.
            if (entry.Computing is { IsCompleted: false } running) return running;
            entry.Stale = false;
            return entry.Computing = ComputeAsync(scope, entry, ct);
        }
    }

    private async Task<DashboardSnapshot> ComputeAsync(DashboardScope scope, Entry entry, CancellationToken ct)
    {
        var snapshot = await _compute(scope, Interlocked.Increment(ref _version), ct);
        entry.Snapshot = snapshot;
        return snapshot;
    }

    private void OnChange(ChangeTopic topic)
    {
        if (!Relevant.Contains(topic)) return;
        foreach (var entry in _entries.Values) entry.Stale = true;
        lock (_gate)
        {
            if (_flushing) { _changedDuringFlush = true; return; }
            if (_flushScheduled) return;
            _flushScheduled = true;
        }
        _ = FlushAfterWindowAsync();
    }

    private async Task FlushAfterWindowAsync()
    {
        var wait = _lastFlushStarted + _options.CoalesceWindow - _clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock);
        else await Task.Yield(); // never refresh on the publisher's thread: the save that published returns first
        lock (_gate)
        {
            _flushScheduled = false;
            _flushing = true;
            _lastFlushStarted = _clock.GetUtcNow();
        }
        try
        {
            var now = _clock.GetUtcNow();
            foreach (var (scope, entry) in _entries)
            {
                if (entry.SubscriberCount == 0)
                {
                    if (now - entry.LastAccess > _options.IdleEviction) _entries.TryRemove(scope, out _);
                    continue;
                }
                try
                {
                    var snapshot = await RefreshAsync(scope, entry, CancellationToken.None);
                    await Task.WhenAll(entry.Subscribers.Select(subscriber => NotifyAsync(subscriber, snapshot)));
                }
                catch (Exception ex)
                {
                    // One failing scope (or screen) must not stop the others from updating.
                    _logger.LogError(ex, "Gösterge paneli yenilenemedi ({Scope}).", scope);
                }
            }
        }
        finally
        {
            bool again;
            lock (_gate)
            {
                _flushing = false;
                again = _changedDuringFlush;
                _changedDuringFlush = false;
                if (again) _flushScheduled = true;
            }
            if (again) _ = FlushAfterWindowAsync();
        }
    }

    private async Task NotifyAsync(Func<DashboardSnapshot, Task> subscriber, DashboardSnapshot snapshot)
    {
        try
        {
            await subscriber(snapshot);
        }
        catch (Exception ex)
        {
            // A screen that fails is that screen's problem (its circuit reports it); the others still update.
            _logger.LogWarning(ex, "Bir ekran gösterge paneli güncellemesini alamadı.");
        }
    }

    public void Dispose() => _feedSubscription.Dispose();

    private sealed class Entry
    {
        private Func<DashboardSnapshot, Task>[] _subscribers = [];
        private long _lastAccessTicks;

        public volatile DashboardSnapshot? Snapshot;
        public volatile bool Stale;
        public Task<DashboardSnapshot>? Computing;

        public Func<DashboardSnapshot, Task>[] Subscribers => Volatile.Read(ref _subscribers);
        public int SubscriberCount => Subscribers.Length;
        public DateTimeOffset LastAccess => new(Interlocked.Read(ref _lastAccessTicks), TimeSpan.Zero);

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastAccessTicks, now.UtcTicks);

        public void Add(Func<DashboardSnapshot, Task> s) { lock (this) _subscribers = [.. _subscribers, s]; }

        public void Remove(Func<DashboardSnapshot, Task> s) { lock (this) _subscribers = _subscribers.Where(x => x != s).ToArray(); }
    }

    private sealed class Subscription(Entry entry, Func<DashboardSnapshot, Task> onUpdate, TimeProvider clock) : IDisposable
    {
        public void Dispose()
        {
            entry.Remove(onUpdate);
            entry.Touch(clock.GetUtcNow());
        }
    }
}
