using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

public sealed record CalendarFeedRow(int Id, string Name, string Filter, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>
/// Private iCalendar subscriptions. A signed-in person creates one per filter and gets its secret once (inside the
/// link); they list and revoke their own. The anonymous fetch finds the feed by the secret's hash and answers with
/// the events its owner may see today, so a revoked feed, a deactivated owner or a lost role ends the subscription.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The window a feed carries: recent past and the year ahead (series are sent whole, as RRULEs).</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(90), Ahead = TimeSpan.FromDays(366);

    private UserContext User => currentUser.User;

    public async Task<IReadOnlyList<CalendarFeedRow>> MineAsync(CancellationToken ct = default)
    {
        var me = Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == me).OrderByDescending(f => f.CreatedAt).ToListAsync(ct);
        var names = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return feeds.Select(f => new CalendarFeedRow(f.Id, f.Name, Describe(f.Filter, names), f.CreatedAt, f.RevokedAt, f.LastUsedAt)).ToList();
    }

    /// <summary>Creates a feed and returns its secret, which is shown once and never stored.</summary>
    public async Task<string> CreateAsync(string? name, CalendarFilter filter, CancellationToken ct = default)
    {
        var me = Demand();
        if (string.IsNullOrWhiteSpace(name)) throw new ValidationException("Aboneliğe bir ad verin (ör. \"Telefonum – Başkanın programı\").");
        if (name.Trim().Length > 120) throw new ValidationException("Abonelik adı en fazla 120 karakter olabilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter.DirectorateId is { } dir && !await db.Directorates.AnyAsync(d => d.Id == dir, ct))
            throw new ValidationException("Seçilen müdürlük bulunamadı.");
        var secret = SecretToken.New();
        db.CalendarFeeds.Add(new CalendarFeed
        {
            UserId = me, Name = name.Trim(), TokenHash = SecretToken.Hash(secret), MayorOnly = filter.MayorOnly,
            DirectorateId = filter.DirectorateId, Types = filter.TypesText, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Ends a feed: its link answers 404 from now on. Owners revoke their own; Admin any.</summary>
    public async Task RevokeAsync(int id, CancellationToken ct = default)
    {
        var me = Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null || feed.RevokedAt is not null) return;
        if (feed.UserId != me && !User.IsInRole(Roles.Admin)) throw new AccessDeniedException("Yalnızca kendi aboneliklerinizi iptal edebilirsiniz.");
        feed.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The .ics text of the active feed with this secret, or null (unknown, revoked, or its owner may no longer see the calendar).</summary>
    public async Task<string?> RenderAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100) return null;
        var hash = SecretToken.Hash(secret.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.Include(f => f.User).ThenInclude(u => u!.Directorate)
            .SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed?.User is not { IsActive: true } owner) return null;
        var viewer = new UserContext(owner.Id, owner.ObjectId, owner.DisplayName, owner.RoleList().ToHashSet(), owner.DirectorateId,
            owner.Directorate?.IsScreeningDesk == true);
        if (!CalendarPermissions.CanRead(viewer)) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.CalendarEvents.AsNoTracking().VisibleTo(viewer).Matching(feed.Filter).InRange(now - Past, now + Ahead)
            .OrderBy(e => e.StartsAt).ToListAsync(ct);
        var names = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        // Phones poll often: the (audited) last-use stamp is refreshed at most hourly.
        if (feed.LastUsedAt is not { } last || now - last > TimeSpan.FromHours(1))
        {
            feed.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return IcsWriter.Write($"Belediye Takvimi – {feed.Name}",
            events.Select(e => new IcsEntry(e, e.DirectorateId is { } d ? names.GetValueOrDefault(d) : null)), now);
    }

    public static string Describe(CalendarFilter filter, IReadOnlyDictionary<int, string> directorates)
    {
        var parts = new List<string>();
        if (filter.MayorOnly) parts.Add("Başkanın programı");
        if (filter.DirectorateId is { } d) parts.Add(directorates.GetValueOrDefault(d) ?? "Müdürlük");
        if (filter.Types is { Count: > 0 } types) parts.Add(string.Join(", ", types.Select(t => t.Name())));
        return parts.Count == 0 ? "Tüm etkinlikler" : string.Join(" · ", parts);
    }

    private int Demand() =>
        CalendarPermissions.CanRead(User) && User.UserId is { } id ? id : throw new AccessDeniedException("Takvim aboneliği için oturum açın.");
}
