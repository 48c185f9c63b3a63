using Intranet.Core.Organization;
using Intranet.Core.Requests.Bulletin;
using Intranet.Core.Requests.Callbacks;
using Intranet.Core.Requests.Handoffs;
using Intranet.Core.Requests.Outbox;
using Intranet.Core.Requests.WorkOrders;
using Intranet.Core.Requests;
using Intranet.Web.Auth;

namespace Intranet.Web.Setup;

/// <summary>
/// Requests, second round: hand-offs to outside bodies (with the message outbox and its retry worker), work orders
/// and their photos, satisfaction callbacks, and the monthly bulletin with its export.
/// </summary>
public static class RequestsHandoffSetup
{
    public static IServiceCollection AddRequestsHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(SatisfactionOptions.Section).Get<SatisfactionOptions>() ?? new SatisfactionOptions());
        services.AddScoped<RequestMessageOutbox>();
        services.AddSingleton<Intranet.Core.Notifications.IOutboxBacklog, RequestMessageBacklog>();
        services.AddScoped<OutsideBodyRegistry>();
        services.AddScoped<HandoffService>();
        services.AddScoped<HandoffQueries>();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<WorkOrderQueries>();
        services.AddScoped<SatisfactionCallbackService>();
        services.AddScoped<SatisfactionStatistics>();
        services.AddScoped<MonthlyBulletin>();
        // Retries of messages that failed to go out run with the deadline sweep's settings (Escalation:Enabled, IntervalSeconds).
        if (configuration.GetValue("Escalation:Enabled", true)) services.AddHostedService<RequestMessageWorker>();
        return services;
    }

    public static WebApplication MapRequestsHandoff(this WebApplication app)
    {
        var group = app.MapGroup("").RequireAuthorization(Policies.Requests);
        // Work order photos follow the work order scope: the request's directorate and the directorate doing the work.
        group.MapGet("/ekip/foto/{id:int}", async (int id, WorkOrderQueries orders, CancellationToken ct) =>
            await orders.PhotoAsync(id, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());
        group.MapGet("/basvurular/bulten/disa-aktar.xlsx", BulletinExport.XlsxAsync);
        return app;
    }
}

/// <summary>Sends the outbox messages whose retry is due, every <see cref="EscalationOptions.IntervalSeconds"/>, as the system.</summary>
public sealed class RequestMessageWorker(IServiceScopeFactory scopeFactory, EscalationOptions options, TimeProvider clock, ILogger<RequestMessageWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.IntervalSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopeFactory.CreateSystemScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<RequestMessageOutbox>().DeliverDueAsync(stoppingToken);
                    if (sent > 0) log.LogInformation("Outbox: {Sent} delayed messages sent", sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Outbox retry failed; trying again in {Seconds} s", options.IntervalSeconds);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
