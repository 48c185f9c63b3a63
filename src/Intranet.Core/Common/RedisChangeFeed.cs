using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Intranet.Core.Common;

/// <summary>
/// Change notifications across app instances through Redis pub/sub (<c>Realtime:Redis</c>). Every instance, the
/// publishing one included, hears a change from Redis and hands it to its own subscribers. While Redis is
/// unreachable a change is delivered on this instance only, so a single server keeps working on its own.
/// </summary>
public sealed class RedisChangeFeed : IChangeFeed, IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("intranet:changes");

    private readonly InProcessChangeFeed _local = new();
    private readonly ConnectionMultiplexer _redis;
    private readonly ISubscriber _subscriber;
    private readonly ILogger _logger;

    public RedisChangeFeed(string configuration, ILogger<RedisChangeFeed> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        _redis = ConnectionMultiplexer.Connect(options);
        _subscriber = _redis.GetSubscriber();
        _subscriber.Subscribe(Channel, (_, message) =>
        {
            if (Enum.TryParse<ChangeTopic>((string?)message, out var topic)) _local.Publish(topic);
        });
    }

    public void Publish(ChangeTopic topic)
    {
        if (_redis.IsConnected)
        {
            try
            {
                _subscriber.Publish(Channel, topic.ToString(), CommandFlags.FireAndForget);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                _logger.LogWarning(ex, "Redis'e yayımlanamadı; değişiklik yalnızca bu sunucuda duyuruluyor.");
            }
        }
        _local.Publish(topic);
    }

    public IDisposable Subscribe(Action<ChangeTopic> onChange) => _local.Subscribe(onChange);

    public void Dispose() => _redis.Dispose();
}
