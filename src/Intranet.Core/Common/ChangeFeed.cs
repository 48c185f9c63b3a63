using Intranet.Core.Requests;

namespace Intranet.Core.Common;

/// <summary>What changed, so a screen refreshes only what depends on it.</summary>
public enum ChangeTopic
{
    Requests,
    Press,
    Calendar,
    Performance,
    Notifications,
}

/// <summary>
/// One published change. <see cref="Request"/>, when present, says what moved on one request (its dashboard-relevant
/// facts before and after), so the dashboards apply it to their counts instead of re-running their queries; without
/// it a listener must assume anything under <see cref="Topic"/> changed.
/// </summary>
public sealed record ChangeEvent(ChangeTopic Topic, RequestChange? Request = null)
{
    /// <summary>When the change was published (set by the feed), for the change-to-screen latency; it travels through Redis.</summary>
    public DateTime? PublishedAt { get; init; }

    public static ChangeEvent ForRequest(RequestFacts? before, RequestFacts? after) => new(ChangeTopic.Requests, new RequestChange(before, after));
}

/// <summary>
/// Tells open screens that data changed. Services publish after a successful save; dashboards subscribe.
/// </summary>
public interface IChangeFeed
{
    void Publish(ChangeTopic topic);

    /// <summary>Publishes a change with its detail. Feeds that cannot carry the detail publish the topic alone.</summary>
    void Publish(ChangeEvent change) => Publish(change.Topic);

    /// <summary>Calls <paramref name="onChange"/> for each published topic until the returned handle is disposed.</summary>
    IDisposable Subscribe(Action<ChangeTopic> onChange);

    /// <summary>Like <see cref="Subscribe"/>, with each change's detail (null detail: the topic alone was published).</summary>
    IDisposable SubscribeEvents(Action<ChangeEvent> onChange) => Subscribe(topic => onChange(new ChangeEvent(topic)));
}

/// <summary>In-process delivery to every subscriber of this server; with a clock it stamps each change's publication.</summary>
public sealed class InProcessChangeFeed(TimeProvider? clock = null) : IChangeFeed
{
    private readonly object _lock = new();
    private Action<ChangeEvent>[] _subscribers = [];

    public void Publish(ChangeTopic topic) => Publish(new ChangeEvent(topic));

    public void Publish(ChangeEvent change)
    {
        if (change.PublishedAt is null && clock is not null) change = change with { PublishedAt = clock.GetUtcNow().UtcDateTime };
        IntranetMetrics.Changes.Add(1, IntranetMetrics.Tag("topic", change.Topic.ToString()));
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber(change);
    }

    public IDisposable Subscribe(Action<ChangeTopic> onChange) => SubscribeEvents(change => onChange(change.Topic));

    public IDisposable SubscribeEvents(Action<ChangeEvent> onChange)
    {
        lock (_lock) _subscribers = [.. _subscribers, onChange];
        return new Subscription(this, onChange);
    }

    private void Remove(Action<ChangeEvent> onChange)
    {
        lock (_lock) _subscribers = _subscribers.Where(s => s != onChange).ToArray();
    }

    private sealed class Subscription(InProcessChangeFeed feed, Action<ChangeEvent> onChange) : IDisposable
    {
        public void Dispose() => feed.Remove(onChange);
    }
}
