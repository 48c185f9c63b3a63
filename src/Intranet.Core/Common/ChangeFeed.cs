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
/// Tells open screens that data changed. Services publish after a successful save; dashboards subscribe.
/// (The live-dashboard work adds coalescing and cross-server delivery behind this same interface.)
/// </summary>
public interface IChangeFeed
{
    void Publish(ChangeTopic topic);

    /// <summary>Calls <paramref name="onChange"/> for each published topic until the returned handle is disposed.</summary>
    IDisposable Subscribe(Action<ChangeTopic> onChange);
}

/// <summary>In-process delivery to every subscriber of this server.</summary>
public sealed class InProcessChangeFeed : IChangeFeed
{
    private readonly object _lock = new();
    private Action<ChangeTopic>[] _subscribers = [];

    public void Publish(ChangeTopic topic)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber(topic);
    }

    public IDisposable Subscribe(Action<ChangeTopic> onChange)
    {
        lock (_lock) _subscribers = [.. _subscribers, onChange];
        return new Subscription(this, onChange);
    }

    private void Remove(Action<ChangeTopic> onChange)
    {
        lock (_lock) _subscribers = _subscribers.Where(s => s != onChange).ToArray();
    }

    private sealed class Subscription(InProcessChangeFeed feed, Action<ChangeTopic> onChange) : IDisposable
    {
        public void Dispose() => feed.Remove(onChange);
    }
}
