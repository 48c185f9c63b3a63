using Intranet.Core.Data;
using Intranet.Core.Press.Feeds;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>
/// Feed items → clippings: the keyword rules decide which items are about the municipality, and the dedupe keys keep
/// one copy of a story (same normalised URL anywhere, or same normalised title from the same source). The keys are
/// checked first and enforced by unique indexes; an insert that loses a race with another writer is skipped, not
/// failed.
/// </summary>
public static class ClippingIntake
{
    public static async Task<KeywordMatcher> LoadMatcherAsync(IntranetDbContext db, CancellationToken ct) =>
        new(await db.PressKeywordRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id)
            .Select(r => new KeywordRuleSpec(r.Id, r.Name, r.Terms, r.ExcludeTerms, r.DirectorateId)).ToListAsync(ct));

    /// <summary>Stores the matching, not yet known items of one source; returns how many clippings were added.</summary>
    public static async Task<int> StoreAsync(IDbContextFactory<IntranetDbContext> dbFactory, PressSource source, IReadOnlyList<FeedItem> items,
        DateTime now, CancellationToken ct)
    {
        if (items.Count == 0) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matcher = await LoadMatcherAsync(db, ct);
        var candidates = new List<PressClipping>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var match = matcher.Match(item.Title, item.Summary);
            if (!match.Any) continue;
            var clipping = FromItem(source, item, match, now);
            // The same story twice in one feed (two guids, one URL or title) is one candidate.
            if (clipping.UrlHash is { } h && !hashes.Add(h)) continue;
            if (!titles.Add(clipping.TitleKey)) continue;
            candidates.Add(clipping);
        }
        if (candidates.Count == 0) return 0;

        var hashList = hashes.ToList();
        var titleList = titles.ToList();
        var knownHashes = (await db.PressClippings.Where(c => c.UrlHash != null && hashList.Contains(c.UrlHash)).Select(c => c.UrlHash!).ToListAsync(ct)).ToHashSet();
        var knownTitles = (await db.PressClippings.Where(c => c.SourceId == source.Id && titleList.Contains(c.TitleKey)).Select(c => c.TitleKey).ToListAsync(ct)).ToHashSet();
        var fresh = candidates.Where(c => !(c.UrlHash is { } h && knownHashes.Contains(h)) && !knownTitles.Contains(c.TitleKey)).ToList();
        if (fresh.Count == 0) return 0;

        db.PressClippings.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Someone stored one of them since the check (another server, a manual entry): one by one, skipping those.
            db.ChangeTracker.Clear();
        }
        var added = 0;
        foreach (var clipping in fresh)
        {
            clipping.Id = 0;
            db.PressClippings.Add(clipping);
            try
            {
                await db.SaveChangesAsync(ct);
                added++;
            }
            catch (DbUpdateException)
            {
                // The unique index held: this story is already in the archive.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return added;
    }

    public static PressClipping FromItem(PressSource source, FeedItem item, KeywordMatch match, DateTime now)
    {
        // A feed that dates its news in the future (a wrong zone) is believed only up to now.
        var published = item.PublishedAt is { } p && p <= now.AddHours(1) ? p : now;
        var clipping = new PressClipping
        {
            SourceId = source.Id,
            Kind = ClippingKind.Internet,
            Title = ClippingKeys.Truncate(item.Title, 500),
            Summary = item.Summary is null ? null : ClippingKeys.Truncate(item.Summary, 8000),
            Url = item.Link,
            ImageUrl = item.ImageUrl,
            PublishedAt = published,
            CapturedAt = now,
            Tone = Tone.Notr,
            MatchedRules = ClippingKeys.Truncate(match.Names, 1000),
            DirectorateIds = IdList.Format(match.DirectorateIds),
        };
        ClippingKeys.Apply(clipping);
        return clipping;
    }
}
