using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Muhtars;

/// <summary>A muhtar a message goes to, with the addresses it goes to.</summary>
public sealed record MessageRecipient(int MuhtarId, int NeighbourhoodId, string Neighbourhood, string FullName, string? Phone, string? Email);

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryResult(int Sent, int Failed);

/// <summary>
/// SMS and e-mail to muhtars through an outbox, as the escalation sweep does it: the <see cref="Announcement"/>
/// (unique key) and one <see cref="MessageDelivery"/> per recipient and channel (unique) are saved before anything is
/// sent; each delivery is then claimed with a conditional update, sent, and stamped. A second trigger (a double click,
/// a retry, another server) finds the same rows and cannot claim one that is being or has been sent.
/// </summary>
public sealed class MuhtarMessenger(IEmailSender email, ISmsSender sms, TimeProvider clock, ILogger<MuhtarMessenger>? logger = null)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly ILogger _log = logger ?? NullLogger<MuhtarMessenger>.Instance;

    /// <summary>
    /// The muhtars in office today in these mahalle, each with the address every chosen channel needs. Anything
    /// missing (an unknown mahalle, no muhtar, no phone or e-mail) fails the whole message with every gap named.
    /// </summary>
    public static async Task<IReadOnlyList<MessageRecipient>> RecipientsAsync(IntranetDbContext db, IReadOnlyCollection<int> neighbourhoodIds,
        bool bySms, bool byEmail, DateOnly today, CancellationToken ct)
    {
        if (neighbourhoodIds.Count == 0) throw new ValidationException("En az bir mahalle seçin.");
        if (!bySms && !byEmail) throw new ValidationException("Gönderim kanalı seçin: SMS, e-posta ya da ikisi.");
        var ids = neighbourhoodIds.Distinct().ToList();
        var known = await db.Neighbourhoods.AsNoTracking().Where(n => ids.Contains(n.Id) && n.IsActive).Select(n => new { n.Id, n.Name }).ToListAsync(ct);
        if (known.Count != ids.Count) throw new ValidationException("Seçilen mahallelerden biri bulunamadı; sayfayı yenileyip yeniden seçin.");
        var muhtars = await db.Muhtars.AsNoTracking()
            .Where(m => ids.Contains(m.NeighbourhoodId) && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .ToDictionaryAsync(m => m.NeighbourhoodId, ct);

        var gaps = new List<string>();
        var recipients = new List<MessageRecipient>();
        foreach (var n in known.OrderBy(n => n.Name, TurkishText.Comparer))
        {
            if (!muhtars.TryGetValue(n.Id, out var m))
            {
                gaps.Add($"{n.Name}: kayıtlı muhtar yok");
                continue;
            }
            if (bySms && PhoneNumber.Normalize(m.Phone) is null) gaps.Add($"{n.Name}: muhtarın cep telefonu yok");
            if (byEmail && !EmailAddress.IsValid(m.Email)) gaps.Add($"{n.Name}: muhtarın e-posta adresi yok");
            recipients.Add(new MessageRecipient(m.Id, n.Id, n.Name, m.FullName, m.Phone, m.Email));
        }
        if (gaps.Count > 0)
            throw new ValidationException($"Alıcısı eksik olduğu için hiçbir ileti gönderilmedi. {string.Join("; ", gaps)}. " +
                                          "Muhtar kaydını tamamlayın ya da bu mahalleyi veya kanalı seçimden çıkarın.");
        return recipients;
    }

    /// <summary>
    /// The announcement with this key and a delivery row for every recipient and channel not yet queued; returns its id.
    /// Racing callers with the same key end up with the same rows (unique indexes), never with two.
    /// </summary>
    public async Task<int> EnqueueAsync(IDbContextFactory<IntranetDbContext> dbFactory, Announcement draft, IReadOnlyList<MessageRecipient> recipients, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Read and write in one transaction: never an announcement without its recipients.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var announcement = await db.Announcements.SingleOrDefaultAsync(a => a.Key == draft.Key, ct);
                if (announcement is null)
                {
                    db.Announcements.Add(announcement = draft);
                    await db.SaveChangesAsync(ct);
                }
                else
                {
                    // The same notice asked again with another channel: that channel is added, nothing is repeated.
                    announcement.BySms |= draft.BySms;
                    announcement.ByEmail |= draft.ByEmail;
                }
                var queued = await db.MessageDeliveries.Where(d => d.AnnouncementId == announcement.Id)
                    .Select(d => new { d.MuhtarId, d.Channel }).ToListAsync(ct);
                foreach (var r in recipients)
                {
                    foreach (var (channel, wanted, address) in new[] { (DeliveryChannel.Sms, draft.BySms, r.Phone), (DeliveryChannel.EPosta, draft.ByEmail, r.Email) })
                    {
                        if (!wanted || queued.Any(q => q.MuhtarId == r.MuhtarId && q.Channel == channel)) continue;
                        db.MessageDeliveries.Add(new MessageDelivery
                        {
                            AnnouncementId = announcement.Id, MuhtarId = r.MuhtarId, NeighbourhoodId = r.NeighbourhoodId,
                            Channel = channel, Address = address!.Trim(), Status = DeliveryStatus.Bekliyor,
                        });
                    }
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return announcement.Id;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another trigger saved the same key or the same delivery first: read what it saved and fill in the rest.
                await tx.RollbackAsync(ct);
                draft.Id = 0;
            }
        }
    }

    /// <summary>Sends every delivery of the announcement still owed (and, when asked, the failed ones again).</summary>
    public async Task<DeliveryResult> DeliverAsync(IDbContextFactory<IntranetDbContext> dbFactory, int announcementId, bool retryFailed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var announcement = await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == announcementId, ct);
        var due = await db.MessageDeliveries.AsNoTracking()
            .Where(d => d.AnnouncementId == announcementId
                        && (d.Status == DeliveryStatus.Bekliyor
                            || (d.Status == DeliveryStatus.Gonderiliyor && d.ClaimedUntil < now)
                            || (retryFailed && d.Status == DeliveryStatus.Basarisiz)))
            .OrderBy(d => d.Id).ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var d in due)
        {
            // The claim: only the caller that moves the row on from what it read sends it.
            var claimed = await db.MessageDeliveries
                .Where(x => x.Id == d.Id && x.Status == d.Status && x.Attempts == d.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DeliveryStatus.Gonderiliyor)
                    .SetProperty(x => x.Attempts, d.Attempts + 1).SetProperty(x => x.ClaimedUntil, now + Lease), ct);
            if (claimed == 0) continue;
            string? error = null;
            try
            {
                var kind = announcement.VisitId is null ? MessageKind.MuhtarAnnouncement : MessageKind.VisitNotice;
                if (d.Channel == DeliveryChannel.Sms) await sms.SendAsync(d.Address, SmsText(announcement), kind, ct);
                else await email.SendAsync(new EmailMessage([d.Address], announcement.Subject, EmailText(announcement), kind), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogWarning(ex, "Muhtar message {Channel} of announcement {Id} failed", d.Channel, announcementId);
                error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            }
            var done = clock.GetUtcNow().UtcDateTime;
            await db.MessageDeliveries.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, error is null ? DeliveryStatus.Gonderildi : DeliveryStatus.Basarisiz)
                .SetProperty(x => x.SentAt, error is null ? done : null)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.ClaimedUntil, (DateTime?)null), ct);
            if (error is null) sent++;
            else failed++;
        }
        return new DeliveryResult(sent, failed);
    }

    private static string SmsText(Announcement a) => a.Body;

    private static string EmailText(Announcement a) =>
        $"""
        Sayın Muhtarım,

        {a.Body}

        Bu ileti Belediye İntranet üzerinden {a.CreatedBy} tarafından gönderilmiştir.
        """;
}
