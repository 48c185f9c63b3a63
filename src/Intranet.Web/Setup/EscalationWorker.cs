using Intranet.Core.Requests;
using Intranet.Web.Auth;

namespace Intranet.Web.Setup;

/// <summary>
/// Runs the deadline sweep every <see cref="EscalationOptions.IntervalSeconds"/>, as the system, in a fresh scope.
/// A failed sweep is logged and the next one tries again: the outbox makes repeating it safe.
/// </summary>
public sealed class EscalationWorker(
    IServiceScopeFactory scopeFactory,
    EscalationOptions options,
    TimeProvider clock,
    ILogger<EscalationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.IntervalSeconds)), clock);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateSystemScope();
                var result = await scope.ServiceProvider.GetRequiredService<EscalationService>()
                    .SweepAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (result is { Warnings: > 0 } or { Overdue: > 0 } or { Failures: > 0 })
                    log.LogInformation("Escalation sweep: {Warnings} warnings, {Overdue} overdue, {Emails} e-mails, {Sms} SMS, {Failures} failed deliveries",
                        result.Warnings, result.Overdue, result.EmailsSent, result.SmsSent, result.Failures);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Escalation sweep failed; retrying in {Seconds} s", options.IntervalSeconds);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
