using Intranet.Core.Requests;

namespace Intranet.Core.Dashboard;

public sealed partial class DashboardAggregator
{
    /// <summary>One scope's figures and snapshot (guarded by locking the entry) and its screens.</summary>
    private sealed class Entry
    {
        private Func<DashboardSnapshot, Task>[] _subscribers = [];
        private long _lastAccessTicks;

        public DashboardFigures? Figures;
        public DashboardSnapshot? Snapshot;
        public bool Stale;
        public Task<DashboardSnapshot>? Loading;
        /// <summary>Changes seen while a load reads; replayed on what it read. Null when no load runs.</summary>
        public List<RequestChange>? ReplayLog;

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
