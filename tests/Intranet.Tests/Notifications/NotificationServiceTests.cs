using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;
using Intranet.Tests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Notifications;

public class NotificationServiceTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private readonly SqliteTestDatabase _database = new();
    private readonly RecordingChangeFeed _feed = new();

    private NotificationService ServiceFor(int userId) => new(
        _database.Factory(TestUsers.As(Roles.Staff, userId: userId)), new FixedCurrentUser(TestUsers.As(Roles.Staff, userId: userId)),
        _feed, new TestClock(TestClock.SuiteStart));

    private async Task<(int Ali, int Veli, long VelisId)> SeedAsync()
    {
        await using var db = _database.Create(UserContext.System);
        var ali = new AppUser { ObjectId = "ali", DisplayName = "Ali" };
        var veli = new AppUser { ObjectId = "veli", DisplayName = "Veli" };
        db.Users.AddRange(ali, veli);
        await db.SaveChangesAsync();
        for (var i = 0; i < 25; i++)
            db.Notifications.Add(new Notification { UserId = ali.Id, Text = $"Ali {i}", CreatedAt = Now.AddMinutes(i), ReadAt = i < 3 ? Now : null });
        var velis = new Notification { UserId = veli.Id, Text = "Veli'nin bildirimi", CreatedAt = Now };
        db.Notifications.Add(velis);
        await db.SaveChangesAsync();
        return (ali.Id, veli.Id, velis.Id);
    }

    [Fact]
    public async Task Shows_only_the_callers_own_notifications_newest_first_at_most_twenty()
    {
        var (ali, _, _) = await SeedAsync();
        var service = ServiceFor(ali);

        Assert.Equal(22, await service.UnreadCountAsync());
        var latest = await service.LatestAsync();
        Assert.Equal(NotificationService.LatestCount, latest.Count);
        Assert.Equal("Ali 24", latest[0].Text);
        Assert.All(latest, n => Assert.StartsWith("Ali", n.Text));
    }

    [Fact]
    public async Task Marks_only_the_callers_own_notifications_read()
    {
        var (ali, veli, velisId) = await SeedAsync();
        var service = ServiceFor(ali);

        Assert.Equal(0, await service.MarkReadAsync(velisId)); // someone else's id changes nothing
        Assert.Empty(_feed.Published);
        var first = (await service.LatestAsync())[0];
        Assert.Equal(1, await service.MarkReadAsync(first.Id));
        Assert.Equal(21, await service.UnreadCountAsync());
        Assert.Equal(21, await service.MarkAllReadAsync());

        Assert.Equal(0, await service.UnreadCountAsync());
        Assert.Equal(1, await ServiceFor(veli).UnreadCountAsync());
        await using var db = _database.Create(UserContext.System);
        Assert.Null((await db.Notifications.SingleAsync(n => n.Id == velisId)).ReadAt);
        Assert.Equal([ChangeTopic.Notifications, ChangeTopic.Notifications], _feed.Published);
    }

    [Fact]
    public async Task The_system_and_anonymous_have_no_bell()
    {
        await SeedAsync();
        var service = new NotificationService(_database.Factory(UserContext.System), new FixedCurrentUser(UserContext.Anonymous), _feed, new TestClock(TestClock.SuiteStart));

        Assert.False(service.HasBell);
        Assert.Equal(0, await service.UnreadCountAsync());
        Assert.Empty(await service.LatestAsync());
        Assert.Equal(0, await service.MarkAllReadAsync());
    }

    public void Dispose() => _database.Dispose();
}
