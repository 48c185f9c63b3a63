using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Performance;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Setup;

/// <summary>The performance programme: services, the shared live cache, and its file endpoints (xlsx, evidence).</summary>
public static class PerformanceSetup
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddPerformance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Performance").Get<PerformanceOptions>() ?? new PerformanceOptions());
        services.AddSingleton(PerformanceLive.Create);
        services.AddScoped<PerformanceReview>();
        services.AddScoped<PerformanceEntrySheet>();
        services.AddScoped<PerformanceEntryService>();
        services.AddScoped<PerformanceStructureService>();
        services.AddScoped<PerformanceImport>();
        return services;
    }

    public static WebApplication MapPerformanceEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/performans").RequireAuthorization(Policies.Performance);
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (AccessDeniedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        });

        // The services check scope and role again: an address typed by hand gets no more than the page shows.
        group.MapGet("/kanit/{id:int}", async (int id, PerformanceEntryService entries, CancellationToken ct) =>
            await entries.EvidenceAsync(id, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());

        group.MapGet("/yapi/{planId:int}/disa-aktar.xlsx", async (int planId, HttpContext http, PerformanceStructureService structure,
            IDbContextFactory<IntranetDbContext> dbFactory, CancellationToken ct) =>
        {
            if (await structure.TreeAsync(planId, ct) is not { } plan) return Results.NotFound();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var codes = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
            await SendXlsxAsync(http, $"performans-programi-{plan.StartYear}-{plan.EndYear}.xlsx", (s, t) => StructureWorkbook.WriteAsync(s, plan, codes, t), ct);
            return Results.Empty;
        });

        group.MapGet("/rapor/{year:int}.xlsx", async (int year, int? mudurluk, HttpContext http, PerformanceReview review, CancellationToken ct) =>
        {
            if (await review.LoadAsync(year, mudurluk, ct) is not { } result) return Results.NotFound();
            await SendXlsxAsync(http, $"faaliyet-raporu-performans-{year}.xlsx", (s, t) => ActivityReport.WriteAsync(s, result, t), ct);
            return Results.Empty;
        });
        return app;
    }

    /// <summary>A workbook is a zip and needs to seek, so it is written to memory first (a structure or a year's table is small).</summary>
    private static async Task SendXlsxAsync(HttpContext http, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await write(buffer, ct);
        http.Response.ContentType = XlsxType;
        http.Response.ContentLength = buffer.Length;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }
}
