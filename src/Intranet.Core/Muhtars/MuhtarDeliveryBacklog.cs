using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>Announcements and visit notices to muhtars not sent yet; a failed one waits for "Yeniden gönder".</summary>
public sealed class MuhtarDeliveryBacklog : IOutboxBacklog
{
    public async Task<IReadOnlyList<OutboxCount>> CountAsync(IntranetDbContext db, CancellationToken ct)
    {
        var rows = await db.MessageDeliveries.AsNoTracking().Where(d => d.Status != DeliveryStatus.Gonderildi)
            .GroupBy(d => d.Channel)
            .Select(g => new { Channel = g.Key, Waiting = g.Count(d => d.Status != DeliveryStatus.Basarisiz), GivenUp = g.Count(d => d.Status == DeliveryStatus.Basarisiz) })
            .ToListAsync(ct);
        OutboxCount Of(DeliveryChannel channel, MessageChannel shownAs) => rows.FirstOrDefault(r => r.Channel == channel) is { } r
            ? new OutboxCount("muhtar-deliveries", shownAs, r.Waiting, r.GivenUp)
            : new OutboxCount("muhtar-deliveries", shownAs, 0, 0);
        return [Of(DeliveryChannel.EPosta, MessageChannel.EPosta), Of(DeliveryChannel.Sms, MessageChannel.Sms)];
    }
}
