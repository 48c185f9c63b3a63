using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Requests.Outbox;

/// <summary>Where one outbox message stands, as the detail page shows it.</summary>
public sealed record MessageStatus(long Id, MessagePurpose Purpose, MessageChannel Channel, string Recipient,
    DateTime CreatedAt, DateTime? SentAt, int Attempts, DateTime? NextAttemptAt, DateTime? GaveUpAt, string? LastError)
{
    public bool IsSent => SentAt is not null;

    public string Text => SentAt is { } sent
        ? $"{Channel.Name()} gönderildi: {IstanbulTime.Format(sent)}"
        : GaveUpAt is not null
            ? $"{Channel.Name()} gönderilemedi, {Attempts} denemeden sonra vazgeçildi: {LastError}"
            : Attempts == 0
                ? $"{Channel.Name()} gönderilmeyi bekliyor."
                : $"{Channel.Name()} gönderilemedi ({Attempts}. deneme): {LastError} Yeniden denenecek" +
                  (NextAttemptAt is { } next ? $" ({IstanbulTime.Format(next)})." : ".");
}

/// <summary>
/// Delivers <see cref="RequestMessage"/> rows. Each delivery first claims its row (moves Attempts on from the value
/// it read); only the claimant sends, so two deliveries of the same row cannot both send. A sent row is stamped at
/// once; a failed one keeps its error and is retried with backoff until <see cref="EscalationOptions.MaxAttempts"/>
/// (the same retry limit as escalations: one notion of "keep trying" for every message the app sends).
/// </summary>
public sealed class RequestMessageOutbox(
    IDbContextFactory<IntranetDbContext> dbFactory,
    IEmailSender email,
    ISmsSender sms,
    EscalationOptions options,
    TimeProvider clock,
    ILogger<RequestMessageOutbox>? logger = null)
{
    /// <summary>While one delivery sends a row, others leave it alone this long.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 200;

    private readonly ILogger _log = logger ?? NullLogger<RequestMessageOutbox>.Instance;

    /// <summary>Sends these rows now (right after the step that wrote them), whatever their retry time.</summary>
    public async Task DeliverAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RequestMessages.AsNoTracking().Where(m => ids.Contains(m.Id) && m.SentAt == null).ToListAsync(ct);
        foreach (var row in rows) await DeliverOneAsync(db, row, ct);
    }

    /// <summary>The retry sweep: every unsent row whose next attempt is due. Returns how many went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        long lastId = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var due = await db.RequestMessages.AsNoTracking()
                .Where(m => m.Id > lastId && m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
                .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) return sent;
            lastId = due[^1].Id;
            foreach (var row in due)
                if (await DeliverOneAsync(db, row, ct)) sent++;
            if (due.Count < BatchSize) return sent;
        }
    }

    /// <summary>A person asks to try a message again now (after fixing an address or the SMTP settings).</summary>
    public async Task RetryAsync(long id, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.RequestMessages.Where(m => m.Id == id && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, (DateTime?)null), ct);
        await DeliverAsync([id], ct);
    }

    /// <summary>
    /// KVKK retention: messages about these citizens' requests carried their number, address or identity (a letter
    /// names the applicant). The texts are emptied, and so is a citizen's own address; a body's address stays.
    /// </summary>
    internal static async Task ForgetCitizensAsync(IntranetDbContext db, IReadOnlyCollection<int> citizenIds, CancellationToken ct)
    {
        var requests = db.Requests.Where(r => r.CitizenId != null && citizenIds.Contains(r.CitizenId.Value)).Select(r => r.Id);
        await db.RequestMessages.Where(m => requests.Contains(m.RequestId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, Citizens.CitizenRetention.AnonymousName), ct);
        await db.RequestMessages.Where(m => requests.Contains(m.RequestId) && m.Purpose != MessagePurpose.KurumaYazi)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Recipient, "***"), ct);
    }

    public static IQueryable<MessageStatus> Statuses(IQueryable<RequestMessage> messages) =>
        messages.OrderBy(m => m.Id).Select(m => new MessageStatus(m.Id, m.Purpose, m.Channel, m.Recipient, m.CreatedAt, m.SentAt,
            m.Attempts, m.NextAttemptAt, m.GaveUpAt, m.LastError));

    private async Task<bool> DeliverOneAsync(IntranetDbContext db, RequestMessage m, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = m.Attempts + 1;
        // The claim: only the delivery that moves Attempts on from what it read, on a row nobody holds, sends.
        var claimed = await db.RequestMessages
            .Where(x => x.Id == m.Id && x.Attempts == m.Attempts && x.SentAt == null && (x.LeasedUntil == null || x.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, attempt).SetProperty(x => x.LeasedUntil, now + Lease), ct);
        if (claimed == 0) return false;
        try
        {
            var kind = m.Purpose.Kind();
            if (m.Channel == MessageChannel.Sms) await sms.SendAsync(m.Recipient, m.Body, kind, ct);
            else await email.SendAsync(new EmailMessage([m.Recipient], m.Subject ?? "", m.Body, kind), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning(ex, "Outbox message {Id} ({Purpose}, {Channel}) failed", m.Id, m.Purpose, m.Channel);
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            // Backoff 1, 2, 4 … minutes, at most an hour; after the last attempt a person decides.
            DateTime? next = attempt >= options.MaxAttempts ? null : now.AddMinutes(Math.Min(60, Math.Pow(2, attempt - 1)));
            DateTime? gaveUp = next is null ? now : null;
            await db.RequestMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.LastError, error).SetProperty(x => x.NextAttemptAt, next).SetProperty(x => x.GaveUpAt, gaveUp)
                .SetProperty(x => x.LeasedUntil, (DateTime?)null), ct);
            return false;
        }
        await db.RequestMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.SentAt, now).SetProperty(x => x.NextAttemptAt, (DateTime?)null).SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.LeasedUntil, (DateTime?)null), ct);
        return true;
    }
}
