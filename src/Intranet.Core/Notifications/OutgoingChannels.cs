using Intranet.Core.Requests.Outbox;

namespace Intranet.Core.Notifications;

/// <summary>Where a channel's messages go.</summary>
public enum ChannelMode
{
    /// <summary>Into the store only, shown under Giden iletiler: the demo and test servers.</summary>
    Store,
    /// <summary>Through the configured SMTP server or SMS operator.</summary>
    Send,
    /// <summary>Nothing configured outside Development: every send is refused with the reason.</summary>
    NotConfigured,
}

/// <summary>How one channel is set up, in words for the administrator.</summary>
public sealed record OutgoingChannel(MessageChannel Channel, ChannelMode Mode, string Description);

/// <summary>
/// The e-mail and SMS channels as this server runs them. <c>Notifications:Store</c> decides: <c>true</c> stores both
/// channels whatever is configured (a staging server that must not mail real people), <c>false</c> never stores;
/// unset, Development stores each channel that has no real settings, and any other environment refuses to send on it.
/// </summary>
public sealed record OutgoingChannels(OutgoingChannel Email, OutgoingChannel Sms)
{
    public const string StoreSetting = "Notifications:Store";

    public IReadOnlyList<OutgoingChannel> All => [Email, Sms];

    public static OutgoingChannels From(SmtpOptions smtp, SmsOptions sms, bool? store, bool isDevelopment)
    {
        ChannelMode Mode(bool configured) =>
            (store ?? (isDevelopment && !configured)) ? ChannelMode.Store : configured ? ChannelMode.Send : ChannelMode.NotConfigured;

        var emailMode = Mode(smtp.IsConfigured);
        var smsMode = Mode(sms.IsConfigured);
        return new OutgoingChannels(
            new OutgoingChannel(MessageChannel.EPosta, emailMode, emailMode switch
            {
                ChannelMode.Store => StoreText("E-postalar"),
                ChannelMode.Send => $"E-postalar {smtp.Host}:{smtp.Port} SMTP sunucusu üzerinden gönderiliyor.",
                _ => $"E-posta gönderimi reddediliyor: {NotConfiguredEmailSender.Error} " +
                     "Notifications:Smtp:Host ve Notifications:Smtp:From ayarlarını girip uygulamayı yeniden başlatın.",
            }),
            new OutgoingChannel(MessageChannel.Sms, smsMode, smsMode switch
            {
                ChannelMode.Store => StoreText("SMS'ler"),
                ChannelMode.Send => $"SMS'ler {new Uri(sms.Url!).Host} adresindeki SMS sağlayıcısı üzerinden gönderiliyor.",
                _ => $"SMS gönderimi reddediliyor: {NotConfiguredSmsSender.Error} " +
                     "Notifications:Sms:Url (ve ApiKey, Sender) ayarlarını girip uygulamayı yeniden başlatın.",
            }));
    }

    private static string StoreText(string what) =>
        $"Depo kipi: {what} kimseye gönderilmiyor, yalnızca bu sayfada listeleniyor ({StoreSetting} ya da Development ortamı).";
}

public static class MessageChannelTag
{
    /// <summary>The channel's name in metrics and logs.</summary>
    public static string Tag(this MessageChannel channel) => channel == MessageChannel.Sms ? "sms" : "email";
}
