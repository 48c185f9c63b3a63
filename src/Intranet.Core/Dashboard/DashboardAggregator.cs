using System.Collections.Concurrent;
using Intranet.Core.Common;
using Intranet.Core.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intranet.Core.Dashboard;

/// <summary>
/// The dashboards' shared cache: one <see cref="DashboardFigures"/> and its current snapshot per
/// <see cref="DashboardScope"/>, serving every circuit that shows the scope. A change that says what moved on a
/// request is applied to the figures of every cached scope (microseconds, no query) and the scopes whose snapshot
/// changed are pushed to their screens; a change without that detail, or figures that can no longer be kept exact,
/// cause a reload from the database. Pushes are coalesced: at once when the last began at least a window ago (a lone
/// change shows without delay), otherwise when the window ends (a burst becomes one push per window); changes during
/// a push cause exactly one more. Watched scopes are also reloaded every <see cref="DashboardOptions.ReloadInterval"/>;
/// changes that arrive while a reload reads are replayed on what it read.
/// </summary>
public sealed partial class DashboardAggregator : IDisposable
{
    private readonly Func<DashboardScope, CancellationToken, Task<DashboardFigures>> _load;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<DashboardScope, Entry> _entries = new();
    private readonly IDisposable _feedSubscription;
    private readonly ITimer _reloadTimer;
    private readonly object _gate = new();
    private List<RequestChange> _pending = [];
    private bool _reloadAll;
    private DateTime? _oldestPending;
    private readonly Coalescer _pushes;
    private long _version;
    private long _loads;

    public DashboardAggregator(Func<DashboardScope, CancellationToken, Task<DashboardFigures>> load, IChangeFeed feed,
        DashboardOptions options, TimeProvider clock, ILogger<DashboardAggregator> logger)
    {
        _load = load;
        _options = options;
        _clock = clock;
        _logger = logger;
        _pushes = new Coalescer(options.CoalesceWindow, clock, FlushAsync, ex => _logger.LogError(ex, "Gösterge paneli güncellenemedi."));
        _feedSubscription = feed.SubscribeEvents(OnChange);
        _reloadTimer = clock.CreateTimer(_ => _ = ReloadWatchedAsync(), null, options.ReloadInterval, options.ReloadInterval);
    }

    /// <summary>The app's wiring: each load runs in its own short-lived scope with its own context.</summary>
    public static DashboardAggregator Create(IServiceProvider services) => new(
        async (scope, ct) =>
        {
            await using var serviceScope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return await serviceScope.ServiceProvider.GetRequiredService<DashboardQueries>().LoadAsync(scope, ct);
        },
        services.GetRequiredService<IChangeFeed>(), services.GetRequiredService<DashboardOptions>(),
        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<DashboardAggregator>>());

    /// <summary>How many times figures were loaded from the database: the cost that changes with detail avoid.</summary>
    public long Computations => Interlocked.Read(ref _loads);

    public Task<DashboardSnapshot> GetAsync(DashboardScope scope, CancellationToken ct = default)
    {
        var entry = _entries.GetOrAdd(scope, _ => new Entry());
        entry.Touch(_clock.GetUtcNow());
        DashboardSnapshot? shown;
        lock (entry)
        {
            if (entry.Snapshot is { } ready && !entry.Stale && !Outdated(entry.Figures!)) return Task.FromResult(ready);
            shown = entry.Snapshot;
        }
        var loading = ReloadAsync(scope, entry);
        if (entry.SubscriberCount > 0) _ = PushWhenLoadedAsync(entry, loading, shown); // the screens already open see it too
        return loading;
    }

    private async Task PushWhenLoadedAsync(Entry entry, Task<DashboardSnapshot> loading, DashboardSnapshot? shown)
    {
        try
        {
            var loaded = await loading;
            if (!ReferenceEquals(loaded, shown)) await NotifyAsync(entry, loaded);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Gösterge paneli yüklenemedi.");
        }
    }

    /// <summary>Calls <paramref name="onUpdate"/> with each new snapshot of the scope until the handle is disposed.</summary>
    public IDisposable Subscribe(DashboardScope scope, Func<DashboardSnapshot, Task> onUpdate)
    {
        var entry = _entries.GetOrAdd(scope, _ => new Entry());
        entry.Touch(_clock.GetUtcNow());
        entry.Add(onUpdate);
        return new Subscription(entry, onUpdate, _clock);
    }

    private bool Outdated(DashboardFigures figures)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return now - figures.Frame.AsOf > 2 * _options.ReloadInterval || IstanbulTime.Today(now) != figures.Frame.Today;
    }

    /// <summary>Loads the scope's figures (one load in flight per scope; concurrent callers share it).</summary>
    private Task<DashboardSnapshot> ReloadAsync(DashboardScope scope, Entry entry)
    {
        lock (entry)
        {
            if (entry.Loading is { IsCompleted: false } running) return running;
            entry.Stale = false;
            entry.ReplayLog = [];
            return entry.Loading = LoadAsync(scope, entry);
        }
    }

    private async Task<DashboardSnapshot> LoadAsync(DashboardScope scope, Entry entry)
    {
        DashboardFigures figures;
        try
        {
            Interlocked.Increment(ref _loads);
            figures = await _load(scope, CancellationToken.None);
        }
        catch
        {
            lock (entry) { entry.ReplayLog = null; entry.Stale = true; }
            throw;
        }
        lock (entry)
        {
            // What changed while the load read is not in what it read: apply it on top.
            foreach (var change in entry.ReplayLog!) figures.Apply(change);
            entry.ReplayLog = null;
            entry.Figures = figures;
            return entry.Snapshot = figures.ToSnapshot(entry.Snapshot, NextVersion, _clock.GetUtcNow().UtcDateTime);
        }
    }

    private long NextVersion() => Interlocked.Increment(ref _version);

    private void OnChange(ChangeEvent change)
    {
        if (change.Topic != ChangeTopic.Requests || change.Request is { MovesFigures: false }) return;
        var publishedAt = change.PublishedAt ?? _clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (change.Request is { } moved) _pending.Add(moved);
            else _reloadAll = true;
            if (_oldestPending is null || publishedAt < _oldestPending) _oldestPending = publishedAt;
        }
        _pushes.Request();
    }

    /// <summary>Completes when no push is waiting for its window or running: a test's "the change has been handled".</summary>
    public Task WhenIdleAsync() => _pushes.WhenIdleAsync();

    private async Task FlushAsync()
    {
        List<RequestChange> changes;
        bool reloadAll;
        DateTime? changedAt;
        lock (_gate) (changes, _pending, reloadAll, _reloadAll, changedAt, _oldestPending) = (_pending, [], _reloadAll, false, _oldestPending, null);
        await Task.WhenAll(_entries.Select(e => UpdateAsync(e.Key, e.Value, changes, reloadAll, changedAt)));
    }

    /// <summary>Applies the changes to one scope and pushes its new snapshot, if it changed, to its screens.</summary>
    private async Task UpdateAsync(DashboardScope scope, Entry entry, List<RequestChange> changes, bool reloadAll, DateTime? changedAt)
    {
        try
        {
            DashboardSnapshot? updated = null;
            var reload = reloadAll;
            lock (entry)
            {
                entry.ReplayLog?.AddRange(changes);
                if (reloadAll) entry.Stale = true;
                if (entry.Figures is { } figures && !entry.Stale)
                {
                    foreach (var change in changes) figures.Apply(change);
                    reload = figures.NeedsReload;
                    var snapshot = figures.ToSnapshot(entry.Snapshot, NextVersion, _clock.GetUtcNow().UtcDateTime);
                    if (!ReferenceEquals(snapshot, entry.Snapshot)) updated = entry.Snapshot = snapshot;
                }
                else reload = true;
            }
            if (entry.SubscriberCount == 0)
            {
                if (reload) lock (entry) entry.Stale = true; // read again lazily, if anyone asks
                if (_clock.GetUtcNow() - entry.LastAccess > _options.IdleEviction) _entries.TryRemove(scope, out _);
                return;
            }
            // The pushed copy says when its changes were published; the cached snapshot does not (a screen opening later
            // has nothing to time).
            if (updated is not null) await NotifyAsync(entry, updated with { ChangedAt = changedAt });
            if (reload) await NotifyAsync(entry, await ReloadFreshAsync(scope, entry) with { ChangedAt = changedAt });
        }
        catch (Exception ex)
        {
            // One failing scope must not stop the others from updating.
            _logger.LogError(ex, "Gösterge paneli güncellenemedi ({Scope}).", scope);
        }
    }

    /// <summary>A load that began after the entry went stale: one already reading may have missed a change without detail.</summary>
    private async Task<DashboardSnapshot> ReloadFreshAsync(DashboardScope scope, Entry entry)
    {
        var snapshot = await ReloadAsync(scope, entry);
        lock (entry) if (!entry.Stale) return snapshot;
        return await ReloadAsync(scope, entry);
    }

    /// <summary>The slow cadence: every watched scope is loaded again, in the background, and pushed if it differs.</summary>
    private async Task ReloadWatchedAsync()
    {
        foreach (var (scope, entry) in _entries)
        {
            if (entry.SubscriberCount == 0) continue;
            try
            {
                var before = entry.Snapshot;
                var after = await ReloadAsync(scope, entry);
                if (!ReferenceEquals(before, after)) await NotifyAsync(entry, after);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Gösterge paneli yeniden yüklenemedi ({Scope}).", scope);
            }
        }
    }

    private Task NotifyAsync(Entry entry, DashboardSnapshot snapshot)
    {
        var subscribers = entry.Subscribers;
        IntranetMetrics.ChangesFannedOut.Add(subscribers.Length);
        return Task.WhenAll(subscribers.Select(subscriber => NotifyOneAsync(subscriber, snapshot)));
    }

    private async Task NotifyOneAsync(Func<DashboardSnapshot, Task> subscriber, DashboardSnapshot snapshot)
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

    public void Dispose()
    {
        _feedSubscription.Dispose();
        _reloadTimer.Dispose();
    }
}
