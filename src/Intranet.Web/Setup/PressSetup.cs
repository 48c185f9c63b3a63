using System.Net;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Press;
using Intranet.Core.Press.Feeds;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Setup;

/// <summary>The press feature: clippings, feed polling, digest, figures, releases and contacts.</summary>
public static class PressSetup
{
    public static IServiceCollection AddPress(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PressOptions.Section).Get<PressOptions>() ?? new PressOptions();
        var baseUrl = configuration["App:BaseUrl"] is { Length: > 0 } url ? url : EscalationOptions.DefaultBaseUrl;
        services.AddSingleton(options);
        // Timeouts are per attempt inside FeedFetcher (they cover the body too), so the client's own is off.
        services.AddHttpClient<FeedFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.RequestTimeoutSeconds)),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxAutomaticRedirections = 5,
            });
        services.AddScoped<PressQueries>();
        services.AddScoped<PressService>();
        services.AddScoped<PressPoller>();
        services.AddScoped<PressSourceService>();
        services.AddScoped<PressDigest>();
        services.AddScoped<PressStatistics>();
        services.AddScoped<PressReleaseService>();
        services.AddScoped<JournalistService>();
        services.AddScoped(sp => new PressDigestSender(sp.GetRequiredService<IDbContextFactory<IntranetDbContext>>(),
            sp.GetRequiredService<IEmailSender>(), options, baseUrl, sp.GetRequiredService<ILogger<PressDigestSender>>()));
        services.AddHostedService<PressWorker>();
        return services;
    }
}
