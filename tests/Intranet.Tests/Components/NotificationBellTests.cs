using Bunit;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Tests.Components;

public class NotificationBellTests : MudComponentTest
{
    private readonly SqliteTestDatabase _database = new();
    private readonly InProcessChangeFeed _feed = new();

    [Fact]
    public async Task Shows_the_unread_count_in_its_label_and_updates_live_when_a_notification_arrives()
    {
        int userId;
        await using (var db = _database.Create(UserContext.System))
        {
            var user = new AppUser { ObjectId = "ali", DisplayName = "Ali" };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
            db.Notifications.Add(new Notification { UserId = userId, Text = "İlk", CreatedAt = Clock.UtcNow() });
            await db.SaveChangesAsync();
        }
        var me = TestUsers.As(Roles.Staff, userId: userId);
        Services.AddSingleton<IChangeFeed>(_feed);
        Services.AddSingleton(new NotificationService(_database.Factory(me), new FixedCurrentUser(me), _feed, Clock));

        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Bildirimler (1 okunmamış)']")));

        await using (var db = _database.Create(UserContext.System))
        {
            db.Notifications.Add(new Notification { UserId = userId, Text = "İkinci", CreatedAt = Clock.UtcNow() });
            await db.SaveChangesAsync();
        }
        _feed.Publish(ChangeTopic.Notifications);

        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Bildirimler (2 okunmamış)']")));
        Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim());

        // The panel lists them, newest first; marking all read empties the count and the badge.
        bell.Find("[data-testid=notification-bell] button").Click();
        Assert.Equal(["İkinci", "İlk"], bell.FindAll("[data-testid=notification-item]").Select(i => i.QuerySelector("span span")!.TextContent));
        await bell.Find("[data-testid=notification-mark-all]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("button[aria-label='Bildirimler (0 okunmamış)']")));
        Assert.Empty(bell.FindAll(".mud-badge"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}
