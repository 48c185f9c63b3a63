using Intranet.Core.Data;
using Intranet.Core.Press;
using Intranet.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Setup;

/// <summary>
/// The press office's background work, as the system, each round in a fresh scope: polling the feeds that are due
/// (every <see cref="PressOptions.PollCheckSeconds"/>), and once a minute the daily digest e-mail and the press releases
/// whose publish time has come. A failed round is logged and the next one runs; the poller itself keeps each source's
/// failure on that source.
/// </summary>
public sealed class PressWorker(IServiceScopeFactory scopeFactory, PressOptions options, TimeProvider clock, ILogger<PressWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunOnceAsync("search backfill", async scope =>
        {
            var filled = await PressBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>(), stoppingToken);
            if (filled > 0) log.LogInformation("Basın arşivi: {Count} kupürün arama metni dolduruldu", filled);
        }, stoppingToken);
        await Task.WhenAll(
            options.PollerEnabled ? LoopAsync(TimeSpan.FromSeconds(Math.Max(0.2, options.PollCheckSeconds)), "feed poll", PollAsync, stoppingToken) : Task.CompletedTask,
            LoopAsync(TimeSpan.FromMinutes(1), "digest and releases", ScheduleAsync, stoppingToken));
    }

    private async Task PollAsync(AsyncServiceScope scope, CancellationToken ct)
    {
        var outcomes = await scope.ServiceProvider.GetRequiredService<PressPoller>().PollDueAsync(ct);
        foreach (var failed in outcomes.Where(o => o.Status == PollStatus.Failed))
            log.LogWarning("Basın kaynağı {SourceId} okunamadı: {Error}", failed.SourceId, failed.Error);
        var created = outcomes.Sum(o => o.NewClippings);
        if (created > 0) log.LogInformation("Basın akışları: {Count} yeni kupür", created);
    }

    private async Task ScheduleAsync(AsyncServiceScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var digest = await scope.ServiceProvider.GetRequiredService<PressDigestSender>().SendDueAsync(now, ct);
        if (digest.Status is DigestSendStatus.Sent or DigestSendStatus.Failed)
            log.LogInformation("Günlük basın özeti {Day}: {Status} ({Recipients} alıcı) {Error}", digest.Day, digest.Status, digest.Recipients, digest.Error);
        await scope.ServiceProvider.GetRequiredService<PressReleaseService>().SendDueAsync(now, ct);
    }

    private async Task LoopAsync(TimeSpan interval, string name, Func<AsyncServiceScope, CancellationToken, Task> work, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            if (!await RunOnceAsync(name, scope => work(scope, stop), stop)) return;
        }
        while (await WaitAsync(timer, stop));
    }

    /// <summary>Runs one round; false once the app is stopping.</summary>
    private async Task<bool> RunOnceAsync(string name, Func<AsyncServiceScope, Task> work, CancellationToken stop)
    {
        try
        {
            await using var scope = scopeFactory.CreateSystemScope();
            await work(scope);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Basın arka plan işi ({Name}) başarısız; bir sonraki turda yeniden denenecek", name);
            return true;
        }
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
