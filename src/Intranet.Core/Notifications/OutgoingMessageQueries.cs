using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Notifications;

/// <summary>What the list of outgoing messages is narrowed to; null shows all.</summary>
public sealed record OutgoingFilter(MessageChannel? Channel = null, MessageKind? Kind = null, OutgoingStatus? Status = null);

public sealed record OutgoingRow(long Id, MessageChannel Channel, MessageKind Kind, string Recipient, string? Subject, string Text,
    DateTime CreatedAt, OutgoingStatus Status, string? Error);

public sealed record OutgoingPage(IReadOnlyList<OutgoingRow> Rows, int Total);

/// <summary>How one channel is doing: its set-up, the last success, the failures of the last day, what waits.</summary>
public sealed record ChannelHealth(OutgoingChannel Channel, DateTime? LastSuccessAt, int FailuresLastDay, DateTime? LastFailureAt,
    string? LastError, int Waiting, int GivenUp);

/// <summary>Yönetim → Giden iletiler: Admin only, checked here and not by the menu.</summary>
public sealed class OutgoingMessageQueries(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    OutgoingChannels channels,
    IEnumerable<IOutboxBacklog> backlogs,
    TimeProvider clock)
{
    private static readonly OutgoingStatus[] Succeeded = [OutgoingStatus.Sent, OutgoingStatus.Stored];
    private static readonly OutgoingStatus[] NotSent = [OutgoingStatus.Failed, OutgoingStatus.Refused];

    public async Task<OutgoingPage> ListAsync(OutgoingFilter filter, int skip, int take, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OutgoingMessages.AsNoTracking();
        if (filter.Channel is { } channel) query = query.Where(m => m.Channel == channel);
        if (filter.Kind is { } kind) query = query.Where(m => m.Kind == kind);
        if (filter.Status is { } status) query = query.Where(m => m.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(m => new OutgoingRow(m.Id, m.Channel, m.Kind, m.Recipient, m.Subject, m.Text, m.CreatedAt, m.Status, m.Error))
            .ToListAsync(ct);
        return new OutgoingPage(rows, total);
    }

    public async Task<IReadOnlyList<ChannelHealth>> HealthAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var backlog = new List<OutboxCount>();
        foreach (var outbox in backlogs) backlog.AddRange(await outbox.CountAsync(db, ct));
        var health = new List<ChannelHealth>();
        foreach (var channel in channels.All)
        {
            var messages = db.OutgoingMessages.AsNoTracking().Where(m => m.Channel == channel.Channel);
            var lastSuccess = await messages.Where(m => Succeeded.Contains(m.Status)).MaxAsync(m => (DateTime?)m.CreatedAt, ct);
            var failures = await messages.CountAsync(m => NotSent.Contains(m.Status) && m.CreatedAt >= dayAgo, ct);
            var lastFailure = await messages.Where(m => NotSent.Contains(m.Status)).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                .Select(m => new { m.CreatedAt, m.Error }).FirstOrDefaultAsync(ct);
            var own = backlog.Where(b => b.Channel == channel.Channel).ToList();
            health.Add(new ChannelHealth(channel, lastSuccess, failures, lastFailure?.CreatedAt, lastFailure?.Error,
                own.Sum(b => b.Waiting), own.Sum(b => b.GivenUp)));
        }
        return health;
    }

    private void Demand()
    {
        if (!Policies.Allows(Policies.Admin, currentUser.User)) throw new AccessDeniedException();
    }
}
