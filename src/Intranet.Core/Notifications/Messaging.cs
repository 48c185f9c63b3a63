namespace Intranet.Core.Notifications;

/// <summary>An e-mail to send through the configured SMTP server.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Body);

public interface IEmailSender
{
    /// <summary>Sends or throws; callers record the failure where the person can see it.</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>An SMS provider (each deployment configures its own operator's HTTP API).</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct = default);
}
