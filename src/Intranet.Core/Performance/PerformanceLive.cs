using System.Collections.Concurrent;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intranet.Core.Performance;

public sealed class PerformanceOptions
{
    /// <summary>Changes within this window become one recomputation of the computed values and one notice to the screens.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(300);
    /// <summary>With no screen open, a computed value not read for this long is dropped from the cache.</summary>
    public TimeSpan WatchWindow { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>
    /// Records change "now", so a change makes the running periods' values stale at once. Ended periods change only when
    /// a request is reopened; their values are refreshed on a change at most this often.
    /// </summary>
    public TimeSpan PastPeriodRefresh { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The live side of the performance programme, one per server. It caches every computed indicator value per period
/// (shared by all circuits) and marks the values stale when their records change (requests, calendar, press): the
/// running periods' at once, ended periods' at most every <see cref="PerformanceOptions.PastPeriodRefresh"/>. While a
/// screen is open, the stale values are recomputed at most once per coalescing window; with none open they wait for
/// the next read. Screens subscribe and are told when a value was entered, approved or reopened
/// (<see cref="ChangeTopic.Performance"/>) or a computed value changed; they then reload their light review, which
/// reads the computed values from here instead of querying per circuit.
/// </summary>
public sealed class PerformanceLive : IDisposable
{
    private readonly Func<ComputedKey, CancellationToken, Task<double?>> _compute;
    private readonly PerformanceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ComputedKey, Entry> _entries = new();
    private readonly IDisposable _feedSubscription;
    private readonly object _gate = new();
    private Func<Task>[] _subscribers = [];
    private readonly Coalescer _refreshes;
    private bool _performanceChanged;
    private long _computations;

    public PerformanceLive(Func<ComputedKey, CancellationToken, Task<double?>> compute, IChangeFeed feed, PerformanceOptions options,
        TimeProvider clock, ILogger<PerformanceLive> logger)
    {
        _compute = compute;
        _options = options;
        _clock = clock;
        _logger = logger;
        _refreshes = new Coalescer(options.CoalesceWindow, clock, RefreshWatchedAsync, ex => _logger.LogError(ex, "Performans göstergeleri yenilenemedi."));
        _feedSubscription = feed.Subscribe(OnChange);
    }

    /// <summary>The app's wiring: each computation in its own short-lived scope and context.</summary>
    public static PerformanceLive Create(IServiceProvider services) => new(
        async (key, ct) =>
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync(ct);
            return await ComputedIndicatorQueries.ComputeAsync(db, key, ct);
        },
        services.GetRequiredService<IChangeFeed>(), services.GetRequiredService<PerformanceOptions>(),
        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<PerformanceLive>>());

    /// <summary>How many values were computed: what caching and coalescing keep down.</summary>
    public long Computations => Interlocked.Read(ref _computations);

    public async Task<double?> GetAsync(ComputedKey key, CancellationToken ct = default)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        entry.Touch(_clock.GetUtcNow());
        lock (entry)
        {
            if (!entry.Stale) return entry.Value;
        }
        // Shared by every reader, so one circuit closing does not cancel the others' value.
        return await RefreshAsync(key, entry).WaitAsync(ct);
    }

    /// <summary>Calls <paramref name="onChange"/> after performance data or a watched computed value changed, until disposed.</summary>
    public IDisposable Subscribe(Func<Task> onChange)
    {
        lock (_gate) _subscribers = [.. _subscribers, onChange];
        return new Subscription(this, onChange);
    }

    private Task<double?> RefreshAsync(ComputedKey key, Entry entry)
    {
        lock (entry)
        {
            // One computation in flight per value: concurrent readers share it.
            if (entry.Computing is { IsCompleted: false } running) return running;
            var generation = entry.Generation;
            return entry.Computing = ComputeAsync(key, entry, generation);
        }
    }

    private async Task<double?> ComputeAsync(ComputedKey key, Entry entry, int generation)
    {
        var value = await _compute(key, CancellationToken.None);
        Interlocked.Increment(ref _computations);
        lock (entry)
        {
            entry.Value = value;
            entry.ComputedAt = _clock.GetUtcNow();
            // A change that arrived while computing leaves the value stale for the next round.
            entry.ComputedGeneration = generation;
        }
        return value;
    }

    private void OnChange(ChangeTopic topic)
    {
        if (topic is ChangeTopic.Requests or ChangeTopic.Calendar or ChangeTopic.Press)
        {
            var now = _clock.GetUtcNow();
            foreach (var (key, entry) in _entries)
            {
                if (key.Source != topic) continue;
                var running = !PerformancePeriods.HasEnded(key.Year, key.PeriodType, key.Period, now.UtcDateTime);
                if (running || now - entry.ComputedAt > _options.PastPeriodRefresh) entry.Invalidate();
            }
        }
        else if (topic != ChangeTopic.Performance) return;
        if (topic == ChangeTopic.Performance) lock (_gate) _performanceChanged = true;
        _refreshes.Request();
    }

    /// <summary>Completes when no refresh is waiting for its window or running: a test's "the change has been handled".</summary>
    public Task WhenIdleAsync() => _refreshes.WhenIdleAsync();

    private async Task RefreshWatchedAsync()
    {
        bool performanceChanged;
        lock (_gate) (performanceChanged, _performanceChanged) = (_performanceChanged, false);
        var computedChanged = await RecomputeWatchedAsync();
        _logger.LogDebug("Performans yenilemesi: hesaplanan değer değişti {Computed}, veri girişi {Performance}.", computedChanged, performanceChanged);
        if (computedChanged || performanceChanged) await NotifyAsync();
    }

    /// <summary>While a screen is open, recomputes the stale values; true when any of them changed.</summary>
    private async Task<bool> RecomputeWatchedAsync()
    {
        var now = _clock.GetUtcNow();
        var watched = Volatile.Read(ref _subscribers).Length > 0;
        var changed = false;
        foreach (var (key, entry) in _entries)
        {
            if (!entry.Stale) continue;
            if (!watched)
            {
                // Nobody is looking: recomputed on the next read, or dropped when not read for a while.
                if (now - entry.LastRead > _options.WatchWindow) _entries.TryRemove(key, out _);
                continue;
            }
            double? before;
            lock (entry) before = entry.Value;
            var after = await RefreshAsync(key, entry);
            // A computation that began before the change returns the old value: once more, then it is current.
            if (entry.Stale) after = await RefreshAsync(key, entry);
            changed |= before != after;
        }
        return changed;
    }

    private async Task NotifyAsync()
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                await subscriber();
            }
            catch (Exception ex)
            {
                // A screen that fails is that screen's problem (its circuit reports it); the others still update.
                _logger.LogWarning(ex, "Bir ekran performans güncellemesini alamadı.");
            }
        }
    }

    private void Remove(Func<Task> onChange)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != onChange).ToArray();
    }

    public void Dispose() => _feedSubscription.Dispose();

    private sealed class Entry
    {
        private long _lastReadTicks;
        public double? Value;
        public DateTimeOffset ComputedAt = DateTimeOffset.MinValue;
        public int Generation;
        public int ComputedGeneration = -1;
        public Task<double?>? Computing;

        public bool Stale => Volatile.Read(ref ComputedGeneration) != Volatile.Read(ref Generation);
        public DateTimeOffset LastRead => new(Interlocked.Read(ref _lastReadTicks), TimeSpan.Zero);
        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastReadTicks, now.UtcTicks);
        public void Invalidate() => Interlocked.Increment(ref Generation);
    }

    private sealed class Subscription(PerformanceLive live, Func<Task> onChange) : IDisposable
    {
        public void Dispose() => live.Remove(onChange);
    }
}
