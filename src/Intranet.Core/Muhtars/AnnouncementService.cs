using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>
/// An announcement as the compose form sends it. <see cref="Key"/> is made once per form (a new one after each
/// successful send), so a double click or a repeated request sends nothing twice.
/// </summary>
public sealed record AnnouncementDraft(Guid Key, string? Subject, string? Body, bool BySms, bool ByEmail, IReadOnlyList<int> NeighbourhoodIds);

/// <summary>An announcement in the list, with its delivery counts.</summary>
public sealed record AnnouncementRow(int Id, string Subject, string Body, DateTime CreatedAt, string CreatedBy, int? VisitId,
    int Sent, int Failed, int Pending);

/// <summary>One line of the delivery log.</summary>
public sealed record DeliveryRow(long Id, string Neighbourhood, string Muhtar, DeliveryChannel Channel, string Address, DeliveryStatus Status,
    int Attempts, DateTime? SentAt, string? Error);

public sealed record SendOutcome(int AnnouncementId, DeliveryResult Result);

/// <summary>Announcements (duyuru) to all or some muhtars by SMS and/or e-mail, with a delivery log per recipient.</summary>
public sealed class AnnouncementService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    MuhtarOptions options,
    MuhtarMessenger messenger,
    TimeProvider clock)
{
    public const int MaxBody = 900;
    private UserContext User => currentUser.User;

    /// <summary>Validates, queues one delivery per recipient and channel, and sends them; nothing is queued when any recipient is missing.</summary>
    public async Task<SendOutcome> SendAsync(AnnouncementDraft draft, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<MessageRecipient> recipients;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await MuhtarAccess.DemandManageAsync(db, User, options, ct);
            if (string.IsNullOrWhiteSpace(draft.Body)) throw new ValidationException("Duyurunun metnini yazın.");
            if (draft.Body.Trim().Length > MaxBody) throw new ValidationException($"Duyuru metni en fazla {MaxBody} karakter olabilir (SMS olarak da gidecek).");
            recipients = await MuhtarMessenger.RecipientsAsync(db, draft.NeighbourhoodIds, draft.BySms, draft.ByEmail, IstanbulTime.Today(now), ct);
        }
        var subject = string.IsNullOrWhiteSpace(draft.Subject) ? "Belediyemizden duyuru" : draft.Subject.Trim();
        var id = await messenger.EnqueueAsync(dbFactory, new Announcement
        {
            Key = $"duyuru:{draft.Key:N}", Subject = subject, Body = draft.Body.Trim(), BySms = draft.BySms, ByEmail = draft.ByEmail,
            CreatedAt = now, CreatedBy = User.Name,
        }, recipients, ct);
        return new SendOutcome(id, await messenger.DeliverAsync(dbFactory, id, retryFailed: false, ct));
    }

    /// <summary>Sends the failed and the never-sent deliveries of an announcement again; sent ones stay sent.</summary>
    public async Task<DeliveryResult> RetryAsync(int announcementId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await MuhtarAccess.DemandManageAsync(db, User, options, ct);
            if (!await db.Announcements.AnyAsync(a => a.Id == announcementId, ct)) throw new ValidationException("Duyuru bulunamadı.");
        }
        return await messenger.DeliverAsync(dbFactory, announcementId, retryFailed: true, ct);
    }

    public async Task<IReadOnlyList<AnnouncementRow>> ListAsync(int take = 50, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Announcements.AsNoTracking().OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(take), db.MessageDeliveries)
            .ToListAsync(ct);
    }

    /// <summary>Announcements with their delivery counts, for the list and the visit page.</summary>
    internal static IQueryable<AnnouncementRow> Rows(IQueryable<Announcement> announcements, IQueryable<MessageDelivery> deliveries) =>
        announcements.Select(a => new AnnouncementRow(a.Id, a.Subject, a.Body, a.CreatedAt, a.CreatedBy, a.VisitId,
            deliveries.Count(d => d.AnnouncementId == a.Id && d.Status == DeliveryStatus.Gonderildi),
            deliveries.Count(d => d.AnnouncementId == a.Id && d.Status == DeliveryStatus.Basarisiz),
            deliveries.Count(d => d.AnnouncementId == a.Id && (d.Status == DeliveryStatus.Bekliyor || d.Status == DeliveryStatus.Gonderiliyor))));

    public async Task<IReadOnlyList<DeliveryRow>> LogAsync(int announcementId, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.MessageDeliveries.AsNoTracking().Where(d => d.AnnouncementId == announcementId)
            .Join(db.Muhtars, d => d.MuhtarId, m => m.Id, (d, m) => new DeliveryRow(d.Id, m.Neighbourhood!.Name, m.FullName, d.Channel, d.Address,
                d.Status, d.Attempts, d.SentAt, d.LastError))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Neighbourhood, TurkishText.Comparer).ThenBy(r => r.Channel).ToList();
    }
}
