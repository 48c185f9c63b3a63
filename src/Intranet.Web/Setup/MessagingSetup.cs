using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Requests;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Intranet.Web.Setup;

/// <summary>E-mail, SMS, the bell, citizen replies and the deadline sweep: everything that sends a message.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddMessagingAndEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        var sms = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        var escalation = (configuration.GetSection(EscalationOptions.Section).Get<EscalationOptions>() ?? new EscalationOptions()) with
        {
            BaseUrl = configuration["App:BaseUrl"] is { Length: > 0 } baseUrl ? baseUrl : EscalationOptions.DefaultBaseUrl,
        };

        // An unconfigured channel gets a sender that fails with a clear Turkish message (recorded as the
        // escalation's LastError or shown to the person answering), never one that pretends to have sent.
        if (smtp.IsConfigured)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else services.AddSingleton<IEmailSender, NotConfiguredEmailSender>();

        if (sms.IsConfigured)
        {
            services.AddSingleton(sms);
            services.AddHttpClient<ISmsSender, HttpSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(10));
        }
        else services.AddSingleton<ISmsSender, NotConfiguredSmsSender>();

        services.TryAddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(escalation);
        services.AddScoped<NotificationService>();
        services.AddScoped<CitizenReplySender>();
        services.AddScoped<EscalationService>();
        if (escalation.Enabled) services.AddHostedService<EscalationWorker>();
        return services;
    }
}
