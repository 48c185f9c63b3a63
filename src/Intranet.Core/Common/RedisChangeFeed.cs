using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Intranet.Core.Common;

/// <summary>
/// Change notifications across app instances through Redis pub/sub (<c>Realtime:Redis</c>). Every instance, the
/// publishing one included, hears a change from Redis and hands it to its own subscribers. While Redis is
/// unreachable a change is delivered on this instance only, so a single server keeps working on its own. A change
/// travels as JSON with its detail (what moved on a request); a bare topic name, as older instances send it, is
/// understood too. When the subscription comes back after a drop, every topic is announced here without detail,
/// since changes made elsewhere meanwhile were missed: dashboards then recompute from the database.
/// </summary>
public sealed class RedisChangeFeed : IChangeFeed, IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("intranet:changes");

    private readonly InProcessChangeFeed _local;
    private readonly ConnectionMultiplexer _redis;
    private readonly ISubscriber _subscriber;
    private readonly ILogger _logger;
    private readonly TimeProvider? _clock;

    public RedisChangeFeed(string configuration, ILogger<RedisChangeFeed> logger, TimeProvider? clock = null)
    {
        _logger = logger;
        _clock = clock;
        _local = new InProcessChangeFeed(clock);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        _redis = ConnectionMultiplexer.Connect(options);
        _subscriber = _redis.GetSubscriber();
        // Subscribing waits for Redis, and throws after its timeout when Redis is down: a server started while Redis
        // is unreachable must still start (and serve its own screens), so then the subscription is only registered;
        // the multiplexer sends it when the connection comes up.
        _subscriber.Subscribe(Channel, (_, message) =>
        {
            if (Decode(message) is { } change) _local.Publish(change);
        }, _redis.IsConnected ? CommandFlags.None : CommandFlags.FireAndForget);
        if (!_redis.IsConnected) _logger.LogWarning("Redis'e bağlanılamadı ({Configuration}); değişiklikler bağlantı gelene kadar yalnızca bu sunucuda duyuruluyor.", options.ToString(includePassword: false));
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription) return;
            _logger.LogInformation("Redis bağlantısı geri geldi; kaçırılmış olabilecek değişiklikler için ekranlar yenileniyor.");
            foreach (var topic in Enum.GetValues<ChangeTopic>()) _local.Publish(topic);
        };
    }

    internal static string Encode(ChangeEvent change) => JsonSerializer.Serialize(change);

    internal static ChangeEvent? Decode(RedisValue message)
    {
        var text = (string?)message;
        if (string.IsNullOrEmpty(text)) return null;
        if (text[0] != '{') return Enum.TryParse<ChangeTopic>(text, out var topic) ? new ChangeEvent(topic) : null;
        try
        {
            return JsonSerializer.Deserialize<ChangeEvent>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Publish(ChangeTopic topic) => Publish(new ChangeEvent(topic));

    /// <summary>The connection, for the readiness check and the Redis spans.</summary>
    public IConnectionMultiplexer Connection => _redis;

    public void Publish(ChangeEvent change)
    {
        // Stamped here, not on arrival, so the latency a screen reports includes the trip through Redis.
        if (change.PublishedAt is null && _clock is not null) change = change with { PublishedAt = _clock.GetUtcNow().UtcDateTime };
        if (_redis.IsConnected)
        {
            try
            {
                _subscriber.Publish(Channel, Encode(change), CommandFlags.FireAndForget);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                _logger.LogWarning(ex, "Redis'e yayımlanamadı; değişiklik yalnızca bu sunucuda duyuruluyor.");
            }
        }
        _local.Publish(change);
    }

    public IDisposable Subscribe(Action<ChangeTopic> onChange) => _local.Subscribe(onChange);

    public IDisposable SubscribeEvents(Action<ChangeEvent> onChange) => _local.SubscribeEvents(onChange);

    public void Dispose() => _redis.Dispose();
}
