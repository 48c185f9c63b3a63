namespace Intranet.Core.Notifications;

/// <summary>A channel this deployment has not configured: the send fails with a message an administrator understands.</summary>
public sealed class MessagingNotConfiguredException(string message) : InvalidOperationException(message);

/// <summary>Registered when <c>Notifications:Smtp</c> is missing, so nothing pretends an e-mail went out.</summary>
public sealed class NotConfiguredEmailSender : IEmailSender
{
    public const string Error = "SMTP sunucusu yapılandırılmamış (Notifications:Smtp:Host ve From ayarları); e-posta gönderilemedi.";

    public Task SendAsync(EmailMessage message, CancellationToken ct = default) =>
        Task.FromException(new MessagingNotConfiguredException(Error));
}

/// <summary>Registered when <c>Notifications:Sms:Url</c> is missing.</summary>
public sealed class NotConfiguredSmsSender : ISmsSender
{
    public const string Error = "SMS sağlayıcısı yapılandırılmamış (Notifications:Sms:Url ayarı); SMS gönderilemedi.";

    public Task SendAsync(string phone, string text, MessageKind kind, CancellationToken ct = default) =>
        Task.FromException(new MessagingNotConfiguredException(Error));
}
