using Intranet.Core.Correspondence;
using Intranet.Core.Muhtars;
using Intranet.Core.SisterCities;

namespace Intranet.Web.Setup;

/// <summary>Muhtars, neighbourhood pages, visits, announcements, the correspondence register and sister cities.</summary>
public static class MuhtarSetup
{
    public static IServiceCollection AddMuhtars(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(MuhtarOptions.Section).Get<MuhtarOptions>() ?? new MuhtarOptions());
        services.AddSingleton(configuration.GetSection(CorrespondenceOptions.Section).Get<CorrespondenceOptions>() ?? new CorrespondenceOptions());
        // Stateless but for the senders (singletons): one for the app.
        services.AddSingleton<MuhtarMessenger>();
        services.AddSingleton<Intranet.Core.Notifications.IOutboxBacklog, MuhtarDeliveryBacklog>();
        services.AddScoped<MuhtarService>();
        services.AddScoped<MuhtarTimeline>();
        services.AddScoped<AnnouncementService>();
        services.AddScoped<VisitService>();
        services.AddScoped<VisitIntake>();
        services.AddScoped<VisitQueries>();
        services.AddScoped<NeighbourhoodReportService>();
        services.AddScoped<RegisterService>();
        services.AddScoped<RegisterQueries>();
        services.AddScoped<SisterCityService>();
        return services;
    }
}
