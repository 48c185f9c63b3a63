using Intranet.Core.Data;
using Intranet.Core.Requests.Outbox;

namespace Intranet.Core.Notifications;

/// <summary>One outbox's messages on one channel: waiting to be sent, and given up (attempts ran out; a person decides).</summary>
public sealed record OutboxCount(string Outbox, MessageChannel Channel, int Waiting, int GivenUp);

/// <summary>
/// An outbox table whose backlog the admin page and the metrics show. Each feature that keeps messages to send
/// registers one; its query reads only that feature's table.
/// </summary>
public interface IOutboxBacklog
{
    Task<IReadOnlyList<OutboxCount>> CountAsync(IntranetDbContext db, CancellationToken ct);
}
