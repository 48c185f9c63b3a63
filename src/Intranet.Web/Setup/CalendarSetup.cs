using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Web.Setup;

/// <summary>The calendar, the mayor's appointments, iCalendar feeds and the monthly programme: services and file endpoints.</summary>
public static class CalendarSetup
{
    public const string IcsType = "text/calendar; charset=utf-8";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The subscription link's path; the secret is its last segment.</summary>
    public static string FeedPath(string secret) => $"/takvim/abonelik/{secret}.ics";

    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarQueries>();
        services.AddScoped<CalendarService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<CalendarImportService>();
        services.AddScoped<MonthlyProgrammeService>();
        services.AddScoped<AppointmentNotifier>();
        services.AddScoped<AppointmentService>();
        return services;
    }

    public static WebApplication MapCalendarEndpoints(this WebApplication app)
    {
        // Outlook and phones fetch without a cookie: the secret in the link is the credential. Unknown and revoked
        // links get the same 404, so a guessed link learns nothing.
        app.MapGet("/takvim/abonelik/{file}", async (string file, CalendarFeedService feeds, HttpContext http, CancellationToken ct) =>
        {
            if (!file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)) return Results.NotFound();
            var ics = await feeds.RenderAsync(file[..^4], ct);
            if (ics is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.Text(ics, IcsType);
        }).AllowAnonymous();

        app.MapGet("/takvim/aylik-program/{year:int}-{month:int}.docx",
            async (int year, int month, MonthlyProgrammeService programmes, CancellationToken ct) =>
            {
                if (year is < 2000 or > 2100 || month is < 1 or > 12) return Results.NotFound();
                var programme = await programmes.GetAsync(year, month, ct);
                var file = new MemoryStream();
                MonthlyProgrammeDocument.Write(file, programme);
                file.Position = 0;
                return Results.File(file, DocxType, programme.FileName);
            }).RequireAuthorization(Policies.Calendar);
        return app;
    }
}
