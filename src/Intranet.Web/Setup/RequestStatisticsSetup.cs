using Intranet.Core.Requests;

namespace Intranet.Web.Setup;

/// <summary>Services of the request statistics page and the request exports.</summary>
public static class RequestStatisticsSetup
{
    public static IServiceCollection AddRequestStatistics(this IServiceCollection services)
    {
        services.AddScoped<RequestStatistics>();
        services.AddScoped<RequestExport>();
        return services;
    }
}
