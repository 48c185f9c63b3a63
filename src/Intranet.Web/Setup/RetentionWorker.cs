using Intranet.Core.Citizens;
using Intranet.Core.Notifications;
using Intranet.Web.Auth;

namespace Intranet.Web.Setup;

/// <summary>
/// Once a day, anonymises citizens past the KVKK retention period (<c>Kvkk:RetentionYears</c>, default 5) and deletes
/// the outgoing-message log past <c>Notifications:KeepDays</c> (default 90): its texts name citizens too.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var years = configuration.GetValue("Kvkk:RetentionYears", 5);
        var keepDays = configuration.GetValue("Notifications:KeepDays", 90);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateSystemScope();
                var count = await scope.ServiceProvider.GetRequiredService<CitizenRetention>().AnonymizeAsync(years, stoppingToken);
                if (count > 0) logger.LogInformation("KVKK: {Count} vatandaş kaydı anonimleştirildi ({Years} yıl).", count, years);
                var pruned = await scope.ServiceProvider.GetRequiredService<OutgoingMessageLog>().PruneAsync(keepDays, stoppingToken);
                if (pruned > 0) logger.LogInformation("Giden iletiler: {Count} kayıt silindi ({Days} günden eski).", pruned, keepDays);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed night is retried the next day; the app keeps running.
                logger.LogError(ex, "KVKK anonimleştirme çalışmadı.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
