using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intranet.Core.Notifications;

/// <summary>
/// The way out for every e-mail and SMS: to the store only (the demo, <see cref="ChannelMode.Store"/>), or through
/// the real transport, with the outcome written either way. A stored message counts as delivered for the outboxes
/// (nothing is retried, nothing fails); a send that fails is recorded and still thrown, so the caller's own retry
/// and error display work as before. A singleton (the muhtar messenger is one): each write opens its own scope.
/// </summary>
public sealed class OutgoingMessageLog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutgoingMessageLog> logger)
{
    /// <summary>Stores the message when <paramref name="send"/> is null, otherwise sends it and records how that went.</summary>
    public async Task SendAsync(MessageChannel channel, MessageKind kind, string recipient, string? subject, string text,
        Func<Task>? send, CancellationToken ct)
    {
        if (send is null)
        {
            // The store is the destination: if it cannot be written, the message went nowhere and the caller must know.
            await WriteAsync(channel, kind, recipient, subject, text, OutgoingStatus.Stored, null, ct);
            Count(channel, kind, OutgoingStatus.Stored);
            return;
        }
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var status = ex is MessagingNotConfiguredException ? OutgoingStatus.Refused : OutgoingStatus.Failed;
            Count(channel, kind, status);
            await TryWriteAsync(channel, kind, recipient, subject, text, status, ex.Message);
            throw;
        }
        Count(channel, kind, OutgoingStatus.Sent);
        await TryWriteAsync(channel, kind, recipient, subject, text, OutgoingStatus.Sent, null);
    }

    /// <summary>Deletes what is older than <paramref name="keepDays"/> days; returns how many rows went.</summary>
    public async Task<int> PruneAsync(int keepDays, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, keepDays));
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync(ct);
        return await db.OutgoingMessages.Where(m => m.CreatedAt < before).ExecuteDeleteAsync(ct);
    }

    private static void Count(MessageChannel channel, MessageKind kind, OutgoingStatus status) =>
        IntranetMetrics.Messages.Add(1, IntranetMetrics.Tag("channel", channel.Tag()), IntranetMetrics.Tag("kind", kind.ToString()),
            IntranetMetrics.Tag("outcome", status.ToString().ToLowerInvariant()));

    /// <summary>After a real attempt the record is secondary: a full disk must not turn a sent message into a resend.</summary>
    private async Task TryWriteAsync(MessageChannel channel, MessageKind kind, string recipient, string? subject, string text, OutgoingStatus status, string? error)
    {
        try
        {
            await WriteAsync(channel, kind, recipient, subject, text, status, error, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Giden ileti kaydı yazılamadı ({Channel}, {Kind}, {Status})", channel, kind, status);
        }
    }

    private async Task WriteAsync(MessageChannel channel, MessageKind kind, string recipient, string? subject, string text,
        OutgoingStatus status, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync(ct);
        db.OutgoingMessages.Add(new OutgoingMessage
        {
            Channel = channel, Kind = kind, Recipient = Cut(recipient, OutgoingMessageConfiguration.RecipientLength)!,
            Subject = Cut(subject, 300), Text = text, CreatedAt = clock.GetUtcNow().UtcDateTime, Status = status,
            Error = Cut(error, OutgoingMessageConfiguration.ErrorLength),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string? Cut(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}

/// <summary>Every e-mail of the app: stored (no transport) or sent through <paramref name="transport"/>, and recorded.</summary>
public sealed class OutgoingEmailSender(IEmailSender? transport, OutgoingMessageLog log) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken ct = default) =>
        log.SendAsync(MessageChannel.EPosta, message.Kind, string.Join(", ", message.To), message.Subject, message.Body,
            transport is null ? null : () => transport.SendAsync(message, ct), ct);
}

/// <summary>Every SMS of the app: stored (no transport) or sent through <paramref name="transport"/>, and recorded.</summary>
public sealed class OutgoingSmsSender(ISmsSender? transport, OutgoingMessageLog log) : ISmsSender
{
    public Task SendAsync(string phone, string text, MessageKind kind, CancellationToken ct = default) =>
        log.SendAsync(MessageChannel.Sms, kind, phone, null, text,
            transport is null ? null : () => transport.SendAsync(phone, text, kind, ct), ct);
}
