using Intranet.Core.Requests;

namespace Intranet.Web.Setup;

/// <summary>Bulk work on requests, the 4982/CİMER legal paths, and per-category intake questions and warnings.</summary>
public static class RequestsBulkSetup
{
    public static IServiceCollection AddRequestsBulk(this IServiceCollection services)
    {
        services.AddScoped<BulkRequestService>();
        services.AddScoped<LegalPathService>();
        services.AddScoped<CategoryIntakeService>();
        services.AddScoped<RequestExtras>();
        return services;
    }
}
