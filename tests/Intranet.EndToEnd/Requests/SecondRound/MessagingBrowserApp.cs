using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.EndToEnd.Infrastructure;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.EndToEnd.Requests.SecondRound;

/// <summary>
/// The app with real SMTP and SMS senders pointed at a local SMTP sink and SMS endpoint (so a test sees what went out),
/// and every answered request sampled for a satisfaction callback.
/// </summary>
public sealed class MessagingBrowserApp : BrowserApp
{
    public SmtpSink Smtp { get; } = new();
    public SmsEndpoint Sms { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Sms = await SmsEndpoint.StartAsync();
        App.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        App.Settings["Notifications:Smtp:Port"] = Smtp.Port.ToString();
        App.Settings["Notifications:Smtp:UseStartTls"] = "false";
        App.Settings["Notifications:Smtp:From"] = "intranet@kagithane.example";
        App.Settings["Notifications:Sms:Url"] = Sms.Url;
        App.Settings["Notifications:Sms:ApiKey"] = "test-key";
        App.Settings["Notifications:Sms:Sender"] = "KAGITHANE";
        App.Settings["Satisfaction:SharePercent"] = "100";
        await base.InitializeAsync();
    }

    /// <summary>The app's database, as the system, for reading what a test cannot see on screen.</summary>
    public IntranetDbContext Database() =>
        App.Database();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Sms.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
