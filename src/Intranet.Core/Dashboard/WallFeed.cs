using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Press;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Dashboard;

public sealed record WallClipping(string Title, string? Source, Tone Tone, DateTime PublishedAt);

public sealed record WallEvent(string Title, EventType Type, DateTime StartsAt, DateTime EndsAt, bool AllDay, string? Place, bool MayorAttends);

/// <summary>The wall screen's press and calendar panels: only public, headline-level data, so a device account may read it.</summary>
public sealed class WallFeed(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<WallClipping>> LatestClippingsAsync(int take = 8, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Newest into the archive first, as on the press page: a print clipping typed in today is news on the wall today.
        return await db.PressClippings.AsNoTracking().OrderByDescending(c => c.CapturedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new WallClipping(c.Title, c.Source != null ? c.Source.Name : null, c.Tone, c.PublishedAt)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<WallEvent>> TodaysEventsAsync(CancellationToken ct = default)
    {
        Demand();
        var now = clock.GetUtcNow().UtcDateTime;
        var start = IstanbulTime.ToUtc(IstanbulTime.ToLocal(now).Date);
        var end = start.AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Expanded like the calendar, so a weekly series shows on its day.
        var today = await CalendarQueries.LoadAsync(db, db.CalendarEvents.Where(e => e.IsPublic), start, end, UserContext.System, ct);
        return today.Select(e => new WallEvent(e.Title, e.Type, e.StartsAt, e.EndsAt, e.AllDay, e.Place, e.MayorAttends)).ToList();
    }

    private void Demand()
    {
        if (!Policies.Allows(Policies.Wall, currentUser.User)) throw new AccessDeniedException();
    }
}
