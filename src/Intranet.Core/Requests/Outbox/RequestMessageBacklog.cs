using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Outbox;

/// <summary>Letters to outside bodies, notices and questions to citizens not sent yet.</summary>
public sealed class RequestMessageBacklog : IOutboxBacklog
{
    public async Task<IReadOnlyList<OutboxCount>> CountAsync(IntranetDbContext db, CancellationToken ct)
    {
        var rows = await db.RequestMessages.AsNoTracking().Where(m => m.SentAt == null)
            .GroupBy(m => m.Channel)
            .Select(g => new { Channel = g.Key, Waiting = g.Count(m => m.GaveUpAt == null), GivenUp = g.Count(m => m.GaveUpAt != null) })
            .ToListAsync(ct);
        return [.. Enum.GetValues<MessageChannel>().Select(c => rows.FirstOrDefault(r => r.Channel == c) is { } r
            ? new OutboxCount("request-messages", c, r.Waiting, r.GivenUp)
            : new OutboxCount("request-messages", c, 0, 0))];
    }
}
