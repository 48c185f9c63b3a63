using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Requests;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Intranet.Web.Setup;

/// <summary>E-mail, SMS, the bell, citizen replies and the deadline sweep: everything that sends a message.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddMessagingAndEscalation(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        var sms = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        var escalation = (configuration.GetSection(EscalationOptions.Section).Get<EscalationOptions>() ?? new EscalationOptions()) with
        {
            BaseUrl = configuration["App:BaseUrl"] is { Length: > 0 } baseUrl ? baseUrl : EscalationOptions.DefaultBaseUrl,
        };
        var channels = OutgoingChannels.From(smtp, sms, configuration.GetValue<bool?>(OutgoingChannels.StoreSetting), environment.IsDevelopment());
        services.AddSingleton(channels);
        services.AddSingleton<OutgoingMessageLog>();
        services.AddScoped<OutgoingMessageQueries>();

        // Every message goes through the log (Yönetim → Giden iletiler). A stored channel has no transport; an
        // unconfigured one gets a sender that fails with a clear Turkish message (recorded as the escalation's
        // LastError, shown to the person answering and on the admin page), never one that pretends to have sent.
        if (channels.Email.Mode == ChannelMode.Send)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<SmtpEmailSender>();
        }
        services.AddSingleton<IEmailSender>(sp => new OutgoingEmailSender(channels.Email.Mode switch
        {
            ChannelMode.Store => null,
            ChannelMode.Send => sp.GetRequiredService<SmtpEmailSender>(),
            _ => new NotConfiguredEmailSender(),
        }, sp.GetRequiredService<OutgoingMessageLog>()));

        if (channels.Sms.Mode == ChannelMode.Send)
        {
            services.AddSingleton(sms);
            services.AddHttpClient<HttpSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(10));
        }
        // Transient like the typed HTTP client it wraps, so the client's handler still rotates.
        services.AddTransient<ISmsSender>(sp => new OutgoingSmsSender(channels.Sms.Mode switch
        {
            ChannelMode.Store => null,
            ChannelMode.Send => sp.GetRequiredService<HttpSmsSender>(),
            _ => new NotConfiguredSmsSender(),
        }, sp.GetRequiredService<OutgoingMessageLog>()));

        services.TryAddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(escalation);
        services.AddSingleton<IOutboxBacklog, EscalationBacklog>();
        services.AddScoped<NotificationService>();
        services.AddScoped<CitizenReplySender>();
        services.AddScoped<EscalationService>();
        if (escalation.Enabled) services.AddHostedService<EscalationWorker>();
        return services;
    }
}
