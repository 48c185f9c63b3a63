using Intranet.Core.Common;
using Intranet.Core.Requests;

namespace Intranet.Tests.Common;

public class ChangeEventTests
{
    private static readonly RequestFacts Facts = new(42, "2026-000042", RequestStatus.Islemde, 3, 5, 7, RequestChannel.WhatsApp,
        new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 20), new DateTime(2026, 11, 27, 8, 30, 0, DateTimeKind.Utc),
        null, null, null, null);

    [Fact]
    public void A_change_with_its_detail_crosses_redis_as_it_was_published()
    {
        var change = ChangeEvent.ForRequest(Facts, Facts with { Status = RequestStatus.Cozuldu, ResolvedAt = new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc), ResolutionMinutes = 7230, ResolvedInTime = true });

        var received = RedisChangeFeed.Decode(RedisChangeFeed.Encode(change));

        Assert.Equal(change, received);
        Assert.True(received!.Request!.MovesFigures);
    }

    [Fact]
    public void A_bare_topic_from_an_older_instance_is_understood_and_noise_is_ignored()
    {
        Assert.Equal(new ChangeEvent(ChangeTopic.Press), RedisChangeFeed.Decode("Press"));
        Assert.Null(RedisChangeFeed.Decode("{not json"));
        Assert.Null(RedisChangeFeed.Decode("Unknown"));
    }

    [Fact]
    public void Topic_subscribers_hear_detailed_changes_and_detail_subscribers_hear_bare_topics()
    {
        var feed = new InProcessChangeFeed();
        var topics = new List<ChangeTopic>();
        var events = new List<ChangeEvent>();
        using var a = feed.Subscribe(topics.Add);
        using var b = feed.SubscribeEvents(events.Add);

        feed.Publish(ChangeEvent.ForRequest(null, Facts));
        feed.Publish(ChangeTopic.Calendar);

        Assert.Equal([ChangeTopic.Requests, ChangeTopic.Calendar], topics);
        Assert.Equal(Facts, events[0].Request!.After);
        Assert.Equal(new ChangeEvent(ChangeTopic.Calendar), events[1]);
    }
}
