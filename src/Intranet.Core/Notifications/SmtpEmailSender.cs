using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Intranet.Core.Notifications;

/// <summary>The SMTP server e-mail goes out through (config section <c>Notifications:Smtp</c>).</summary>
public sealed record SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; init; }
    public int Port { get; init; } = 587;
    public bool UseStartTls { get; init; } = true;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? From { get; init; }
    public string? FromName { get; init; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Host), nameof(From))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Sends through the configured SMTP server with MailKit; one connection per message (volumes are small).</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        if (!options.IsConfigured) throw new MessagingNotConfiguredException(NotConfiguredEmailSender.Error);
        if (message.To.Count == 0) throw new ArgumentException("E-posta alıcısı yok.", nameof(message));

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName ?? "", options.From));
        foreach (var to in message.To) mime.To.Add(MailboxAddress.Parse(to));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        // Port 465 is implicit TLS; otherwise STARTTLS when asked, plain only for an internal relay.
        var security = options.UseStartTls ? SecureSocketOptions.StartTls
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
