using System.Collections.Concurrent;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Press.Feeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Press;

public enum PollStatus
{
    /// <summary>Another poll of the source was running; this one did nothing.</summary>
    Skipped,
    NotModified,
    Succeeded,
    Failed,
}

public sealed record PollOutcome(int SourceId, PollStatus Status, int ItemsFound, int NewClippings, string? Error);

/// <summary>
/// Polls the sources' feeds and turns matching items into clippings. Each source is polled under a lease in its own
/// row (claimed by one conditional UPDATE), so a source is never read twice at once, whether by two workers, two
/// servers or a "poll now" click. Whatever one source does (time out, answer 500, send broken XML or a huge body, throw)
/// is recorded on that source only; the others go on, and the service never stops.
/// </summary>
public sealed class PressPoller(
    IDbContextFactory<IntranetDbContext> dbFactory,
    FeedFetcher fetcher,
    IChangeFeed changes,
    TimeProvider clock,
    PressOptions options,
    ILogger<PressPoller>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<PressPoller>.Instance;

    /// <summary>Long enough for every attempt and wait of one poll; a crashed poll frees the source after it.</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(options.RequestTimeoutSeconds * (1 + options.Retries)
                                                   + options.RetryDelaySeconds * (Math.Pow(2, options.Retries) - 1) + 60);

    /// <summary>Polls every enabled source whose time has come, a few at a time.</summary>
    public async Task<IReadOnlyList<PollOutcome>> PollDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.PressSources.AsNoTracking()
                .Where(s => s.Enabled && s.FeedUrl != null && s.FeedUrl != "" && (s.NextPollAt == null || s.NextPollAt <= now)
                            && (s.PollLeaseUntil == null || s.PollLeaseUntil < now))
                .OrderBy(s => s.NextPollAt).Select(s => s.Id).ToListAsync(ct);
        }
        var outcomes = new ConcurrentBag<PollOutcome>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelPolls), CancellationToken = ct },
            async (id, token) => outcomes.Add(await PollSourceAsync(id, token)));
        return [.. outcomes];
    }

    /// <summary>Polls one source now (unless a poll of it is already running). Never throws but for cancellation.</summary>
    public async Task<PollOutcome> PollSourceAsync(int sourceId, CancellationToken ct = default)
    {
        using var activity = IntranetMetrics.Activities.StartActivity("press.feed_poll");
        activity?.SetTag("intranet.press.source_id", sourceId);
        var outcome = await PollOnceAsync(sourceId, ct);
        IntranetMetrics.FeedPolls.Add(1, IntranetMetrics.Tag("outcome", outcome.Status.ToString()));
        activity?.SetTag("intranet.press.poll_status", outcome.Status.ToString());
        return outcome;
    }

    private async Task<PollOutcome> PollOnceAsync(int sourceId, CancellationToken ct)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        if (!await ClaimAsync(sourceId, started, ct))
            return new PollOutcome(sourceId, PollStatus.Skipped, 0, 0, "Bu kaynak şu anda zaten taranıyor.");
        try
        {
            var outcome = await PollClaimedAsync(sourceId, started, ct);
            changes.Publish(ChangeTopic.Press);
            return outcome;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(sourceId);
            throw;
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Basın kaynağı {SourceId} taranırken beklenmeyen hata", sourceId);
            var error = $"Beklenmeyen hata: {ex.Message}";
            try
            {
                await RecordFailureAsync(sourceId, started, error, CancellationToken.None);
            }
            catch (Exception recordError)
            {
                _log.LogError(recordError, "Basın kaynağı {SourceId} için hata kaydedilemedi", sourceId);
            }
            return new PollOutcome(sourceId, PollStatus.Failed, 0, 0, error);
        }
    }

    private async Task<PollOutcome> PollClaimedAsync(int sourceId, DateTime started, CancellationToken ct)
    {
        PressSource source;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            source = await db.PressSources.AsNoTracking().SingleAsync(s => s.Id == sourceId, ct);
        if (string.IsNullOrWhiteSpace(source.FeedUrl))
            return await FailAsync(source.Id, started, "Kaynağın akış adresi yok.", ct);

        var fetched = await fetcher.FetchAsync(source.FeedUrl, source.ETag, source.LastModified, ct);
        switch (fetched)
        {
            case FetchResult.NotModified:
                await RecordSuccessAsync(source.Id, started, source.ItemsFound, 0, source.ETag, source.LastModified, null, ct);
                return new PollOutcome(source.Id, PollStatus.NotModified, source.ItemsFound, 0, null);
            case FetchResult.Failed failed:
                return await FailAsync(source.Id, started, failed.Error, ct);
        }
        var content = (FetchResult.Content)fetched;
        var feed = FeedParser.Parse(content.Body, content.Charset, content.FinalUri);
        // Items read before a fault still count: a cut-off feed gives what it gave, and the fault is shown.
        var created = await ClippingIntake.StoreAsync(dbFactory, source, feed.Items, started, ct);
        if (feed.Error is not null)
            return await FailAsync(source.Id, started, feed.Error, ct, created);
        var warning = feed.Warnings.Count == 0 ? null : string.Join(" ", feed.Warnings.Take(5)) + (feed.Warnings.Count > 5 ? $" (+{feed.Warnings.Count - 5} uyarı)" : "");
        await RecordSuccessAsync(source.Id, started, feed.Items.Count, created, content.ETag, content.LastModified, warning, ct);
        return new PollOutcome(source.Id, PollStatus.Succeeded, feed.Items.Count, created, null);
    }

    private async Task<PollOutcome> FailAsync(int sourceId, DateTime started, string error, CancellationToken ct, int created = 0)
    {
        await RecordFailureAsync(sourceId, started, error, ct);
        return new PollOutcome(sourceId, PollStatus.Failed, 0, created, error);
    }

    private async Task<bool> ClaimAsync(int sourceId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = now + Lease;
        return await db.PressSources.Where(s => s.Id == sourceId && (s.PollLeaseUntil == null || s.PollLeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PollLeaseUntil, until), ct) == 1;
    }

    private async Task ReleaseAsync(int sourceId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.PressSources.Where(s => s.Id == sourceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.PollLeaseUntil, (DateTime?)null));
    }

    // Health is written with set-based updates: the poller's fields, outside the version token people edit against.
    private async Task RecordSuccessAsync(int sourceId, DateTime now, int items, int created, string? etag, string? lastModified, string? warning, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var minutes = await db.PressSources.Where(s => s.Id == sourceId).Select(s => s.PollMinutes).SingleAsync(ct);
        var next = now.AddMinutes(Math.Max(1, minutes));
        warning = warning is null ? null : ClippingKeys.Truncate(warning, 1000);
        await db.PressSources.Where(s => s.Id == sourceId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastPolledAt, now)
            .SetProperty(x => x.LastSuccessAt, now)
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.LastWarning, warning)
            .SetProperty(x => x.ItemsFound, items)
            .SetProperty(x => x.LastNewClippings, created)
            .SetProperty(x => x.ConsecutiveFailures, 0)
            .SetProperty(x => x.ETag, etag)
            .SetProperty(x => x.LastModified, lastModified)
            .SetProperty(x => x.NextPollAt, next)
            .SetProperty(x => x.PollLeaseUntil, (DateTime?)null), ct);
    }

    private async Task RecordFailureAsync(int sourceId, DateTime now, string error, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s0 = await db.PressSources.AsNoTracking().Where(s => s.Id == sourceId)
            .Select(s => new { s.PollMinutes, s.ConsecutiveFailures }).SingleAsync(ct);
        // Backoff: the interval doubles with each failure in a row, up to MaxBackoffMinutes.
        var wait = Math.Min(Math.Max(1, s0.PollMinutes) * Math.Pow(2, Math.Min(s0.ConsecutiveFailures, 16)), options.MaxBackoffMinutes);
        var next = now.AddMinutes(wait);
        var failures = s0.ConsecutiveFailures + 1;
        error = ClippingKeys.Truncate(error, 1000);
        // A failed read keeps the old ETag out: the next poll must read the feed in full, not get a 304 for it.
        await db.PressSources.Where(s => s.Id == sourceId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastPolledAt, now)
            .SetProperty(x => x.LastError, error)
            .SetProperty(x => x.LastErrorAt, now)
            .SetProperty(x => x.ConsecutiveFailures, failures)
            .SetProperty(x => x.ETag, (string?)null)
            .SetProperty(x => x.LastModified, (string?)null)
            .SetProperty(x => x.NextPollAt, next)
            .SetProperty(x => x.PollLeaseUntil, (DateTime?)null), ct);
    }
}
