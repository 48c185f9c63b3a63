using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Notifications;

/// <summary>One row of the bell.</summary>
public sealed record NotificationItem(long Id, string Text, string? Link, DateTime CreatedAt, bool IsRead);

/// <summary>
/// The bell of the signed-in user: only their own notifications are read or marked, whatever id a caller passes.
/// Writes publish <see cref="ChangeTopic.Notifications"/> so the user's other tabs refresh too.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    IChangeFeed changes,
    TimeProvider clock)
{
    public const int LatestCount = 20;

    /// <summary>The system and anonymous visitors have no bell.</summary>
    public bool HasBell => currentUser.User.UserId is not null;

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        if (currentUser.User.UserId is not { } userId) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<NotificationItem>> LatestAsync(CancellationToken ct = default)
    {
        if (currentUser.User.UserId is not { } userId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(LatestCount)
            .Select(n => new NotificationItem(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one of the caller's notifications read; someone else's id changes nothing.</summary>
    public Task<int> MarkReadAsync(long id, CancellationToken ct = default) => MarkAsync(n => n.Id == id, ct);

    public Task<int> MarkAllReadAsync(CancellationToken ct = default) => MarkAsync(_ => true, ct);

    private async Task<int> MarkAsync(System.Linq.Expressions.Expression<Func<Notification, bool>> which, CancellationToken ct)
    {
        if (currentUser.User.UserId is not { } userId) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).Where(which)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0) changes.Publish(ChangeTopic.Notifications);
        return changed;
    }
}
