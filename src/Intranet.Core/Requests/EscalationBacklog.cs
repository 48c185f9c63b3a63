using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>Overdue escalations whose e-mail or SMS has not gone out yet (the deadline sweep keeps trying them).</summary>
public sealed class EscalationBacklog(EscalationOptions options) : IOutboxBacklog
{
    public async Task<IReadOnlyList<OutboxCount>> CountAsync(IntranetDbContext db, CancellationToken ct)
    {
        var max = options.MaxAttempts;
        var open = db.Escalations.AsNoTracking().Where(e => e.CompletedAt == null && e.Kind == EscalationKind.Overdue);
        var email = await open.Where(e => e.EmailSentAt == null)
            .GroupBy(_ => 1).Select(g => new { Waiting = g.Count(e => e.Attempts < max), GivenUp = g.Count(e => e.Attempts >= max) })
            .SingleOrDefaultAsync(ct);
        var sms = await open.Where(e => e.SmsSentAt == null)
            .GroupBy(_ => 1).Select(g => new { Waiting = g.Count(e => e.Attempts < max), GivenUp = g.Count(e => e.Attempts >= max) })
            .SingleOrDefaultAsync(ct);
        return
        [
            new OutboxCount("escalations", MessageChannel.EPosta, email?.Waiting ?? 0, email?.GivenUp ?? 0),
            new OutboxCount("escalations", MessageChannel.Sms, sms?.Waiting ?? 0, sms?.GivenUp ?? 0),
        ];
    }
}
