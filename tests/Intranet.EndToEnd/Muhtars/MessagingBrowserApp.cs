using Intranet.EndToEnd.Infrastructure;
using Intranet.Tests.Infrastructure;

namespace Intranet.EndToEnd.Muhtars;

/// <summary>The browser app with its e-mail going to a local SMTP sink and its SMS to a local operator stand-in.</summary>
public sealed class MessagingBrowserApp : BrowserApp, IAsyncLifetime
{
    public SmtpSink Smtp { get; } = new();
    public SmsEndpoint Sms { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Sms = await SmsEndpoint.StartAsync();
        App.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        App.Settings["Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["Notifications:Smtp:UseStartTls"] = "false";
        App.Settings["Notifications:Smtp:From"] = "intranet@kagithane.bel.tr";
        App.Settings["Notifications:Sms:Url"] = Sms.Url;
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Sms.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
