using System.Data.Common;
using Bunit;
using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Pages.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Tests.Components;

/// <summary>
/// A live card listens before its first read: an event saved (and announced) after the card has read but before it
/// is on screen still reaches it. This is the window in which the wall screen once missed an event for good.
/// </summary>
public sealed class TodaysEventsCardTests : MudComponentTest
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.OnDisk();
    private readonly InProcessChangeFeed _feed = new();

    [Fact]
    public void An_event_saved_right_after_the_cards_first_read_still_shows()
    {
        var now = Clock.UtcNow();
        var start = IstanbulTime.ToUtc(IstanbulTime.ToLocal(now).Date.AddHours(12));
        var savedOnce = 0;
        // Right after the card's first query has taken its snapshot: another user saves an event and the feed says so.
        var colleague = new AfterFirstRead(() =>
        {
            if (Interlocked.Exchange(ref savedOnce, 1) == 1) return;
            using (var db = _database.Create(UserContext.System))
            {
                db.CalendarEvents.Add(new CalendarEvent { Title = "Kreş Açılışı", Type = EventType.Acilis, StartsAt = start, EndsAt = start.AddHours(1) });
                db.SaveChanges();
            }
            _feed.Publish(ChangeTopic.Calendar);
        });
        var options = new DbContextOptionsBuilder<IntranetDbContext>(_database.Options).AddInterceptors(colleague).Options;
        var user = TestUsers.As(Roles.MayorOffice);
        Services.AddSingleton<IChangeFeed>(_feed);
        Services.AddSingleton(new CalendarQueries(new Factory(options, user), new FixedCurrentUser(user), Clock));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var card = Render<TodaysEventsCard>();

        Assert.Equal(1, savedOnce);
        card.WaitForAssertion(() => Assert.Contains("Kreş Açılışı", card.Find("[data-testid=dashboard-events]").TextContent), TimeSpan.FromSeconds(10));
    }

    private sealed class AfterFirstRead(Action act) : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("CalendarEvents", StringComparison.Ordinal)) act();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Factory(DbContextOptions<IntranetDbContext> options, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(user), TimeProvider.System);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}
