using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>What the press page, the archive and the exports filter by. Dates are Istanbul days, both ends included.</summary>
public sealed record ClippingFilter
{
    public string? Search { get; init; }
    public Tone? Tone { get; init; }
    public int? SourceId { get; init; }
    public int? DirectorateId { get; init; }
    public ClippingKind? Kind { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool NeedsAnswerOnly { get; init; }
    public bool UnreviewedOnly { get; init; }
}

public sealed record ClippingRow(
    int Id, string Title, int? SourceId, string? Source, ClippingKind Kind, Tone Tone, string? Topic, int Importance, bool NeedsAnswer,
    string? DirectorateIds, string? MatchedRules, DateTime PublishedAt, DateTime CapturedAt, string? Url, string? Summary,
    string? Page, string? Columnist, string? Program, DateTime? ReviewedAt, string? ReviewedBy, Guid Version);

public sealed record ClippingPage(IReadOnlyList<ClippingRow> Items, int Total, bool TotalCapped);

public sealed record ScanInfo(int Id, string FileName, string ContentType, long Size);

public sealed record ClippingDetail(ClippingRow Row, string? Text, string? ImageUrl, IReadOnlyList<ScanInfo> Scans);

public sealed record SourceOption(int Id, string Name, PressSourceKind Kind);

/// <summary>A headline for the dashboards: published news, nothing the press office added about it.</summary>
public sealed record PressHeadline(int Id, string Title, string? Source, Tone Tone, DateTime PublishedAt, DateTime CapturedAt);

/// <summary>The press office's reading of the clippings: the live list, the archive search, one clipping, look-ups.</summary>
public sealed class PressQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>Counting stops here: "more than 500" is all a person needs to know to narrow a search, and counting
    /// every match of a common word in a large archive would cost more than finding the page.</summary>
    public const int CountCap = 500;
    /// <summary>The most rows one export writes.</summary>
    public const int ExportMax = 50_000;
    public const int SummaryLength = 400;

    public static readonly IReadOnlyList<string> DefaultTopics =
    [
        "Altyapı", "Başkanlık", "Çevre", "Eğitim", "Fen İşleri", "İmar", "Kentsel Dönüşüm", "Kültür", "Meclis", "Park ve Bahçeler",
        "Sağlık", "Sosyal Yardım", "Spor", "Temizlik", "Ulaşım", "Veteriner", "Zabıta",
    ];

    private void Demand()
    {
        if (!Policies.Allows(Policies.Press, currentUser.User)) throw new AccessDeniedException();
    }

    /// <summary>The newest clippings first, <paramref name="take"/> from <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<ClippingRow>> LatestAsync(ClippingFilter filter, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(Filtered(db, filter).OrderByDescending(c => c.CapturedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)).ToListAsync(ct);
    }

    /// <summary>The latest headlines, for the dashboard card: anyone with a dashboard may read published news.</summary>
    public async Task<IReadOnlyList<PressHeadline>> HeadlinesAsync(int take = 6, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Press, currentUser.User) && !Policies.Allows(Policies.Dashboard, currentUser.User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PressClippings.AsNoTracking().OrderByDescending(c => c.CapturedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new PressHeadline(c.Id, c.Title, c.Source != null ? c.Source.Name : null, c.Tone, c.PublishedAt, c.CapturedAt)).ToListAsync(ct);
    }

    /// <summary>Clippings stored after the one with <paramref name="afterId"/> that pass the filter: what the live list adds on top.</summary>
    public async Task<IReadOnlyList<ClippingRow>> NewerThanAsync(ClippingFilter filter, int afterId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(Filtered(db, filter).Where(c => c.Id > afterId).OrderByDescending(c => c.CapturedAt).ThenByDescending(c => c.Id).Take(200)).ToListAsync(ct);
    }

    /// <summary>The rows these ids now have (after someone triaged them).</summary>
    public async Task<IReadOnlyList<ClippingRow>> RowsAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.PressClippings.AsNoTracking().Where(c => ids.Contains(c.Id))).ToListAsync(ct);
    }

    /// <summary>
    /// The archive: one page, newest into the archive first (the order every provider's full-text index can walk without
    /// sorting all matches), with the total up to <see cref="CountCap"/>. On SQLite a date range first becomes the range
    /// of ids the clippings of those days have, so a search of an old month reads only that stretch of the index.
    /// </summary>
    public async Task<ClippingPage> SearchAsync(ClippingFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var span = db.Database.IsSqlite() ? await IdSpanAsync(db, filter, ct) : null;
        if (span is { Lo: null }) return new ClippingPage([], 0, false);
        var skip = Math.Max(0, page) * pageSize;
        if (db.Database.IsSqlite() && PressSearch.HasWords(filter.Search))
        {
            var (ids, count) = await PressSearch.SqlitePageAsync(db, filter, span?.Lo, span?.Hi, skip, pageSize, CountCap + 1, ct);
            var found = await Rows(db.PressClippings.AsNoTracking().Where(c => ids.Contains(c.Id))).ToDictionaryAsync(r => r.Id, ct);
            return new ClippingPage(ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), Math.Min(count, CountCap), count > CountCap);
        }
        var query = Filtered(db, filter);
        // SQLite reads an id range straight off the table; PostgreSQL would misjudge it together with the date (the two
        // are correlated) and is better left to its own plan.
        if (span is { Lo: { } lo, Hi: { } hi } && db.Database.IsSqlite()) query = query.Where(c => c.Id >= lo && c.Id <= hi);
        if (skip + pageSize <= CountCap + 1)
        {
            // One newest-first walk gives the early pages and the capped count. A separate count let PostgreSQL intersect
            // the whole GIN lists of two common words (~300 ms) where the walk meets 500 matches within a few thousand rows.
            var newest = await query.OrderByDescending(c => c.Id).Select(c => c.Id).Take(CountCap + 1).ToListAsync(ct);
            var pageIds = newest.Skip(skip).Take(pageSize).ToList();
            var rows = await Rows(db.PressClippings.AsNoTracking().Where(c => pageIds.Contains(c.Id))).ToDictionaryAsync(r => r.Id, ct);
            return new ClippingPage(pageIds.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), Math.Min(newest.Count, CountCap), newest.Count > CountCap);
        }
        var total = await query.Take(CountCap + 1).CountAsync(ct);
        var items = await Rows(query.OrderByDescending(c => c.Id).Skip(skip).Take(pageSize)).ToListAsync(ct);
        return new ClippingPage(items, Math.Min(total, CountCap), total > CountCap);
    }

    /// <summary>The smallest and largest id published on the filter's days (Lo null: none); null without a date filter.</summary>
    private static async Task<(int? Lo, int? Hi)?> IdSpanAsync(IntranetDbContext db, ClippingFilter f, CancellationToken ct)
    {
        if (f.From is null && f.To is null) return null;
        var days = db.PressClippings.AsNoTracking();
        if (f.From is { } from) days = days.Where(c => c.PublishedOn >= from);
        if (f.To is { } to) days = days.Where(c => c.PublishedOn <= to);
        return (await days.MinAsync(c => (int?)c.Id, ct), await days.MaxAsync(c => (int?)c.Id, ct));
    }

    /// <summary>Every clipping that passes the filter, for the export, a page of rows at a time.</summary>
    public async IAsyncEnumerable<ClippingRow> ExportAsync(ClippingFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        Demand();
        const int pageSize = 2000;
        for (var page = 0; page * pageSize < ExportMax; page++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await Rows(Filtered(db, filter).OrderByDescending(c => c.Id)
                .Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
            foreach (var row in rows) yield return row;
            if (rows.Count < pageSize) yield break;
        }
    }

    public async Task<ClippingDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db.PressClippings.AsNoTracking().Where(c => c.Id == id), summaryLength: 8000).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var extra = await db.PressClippings.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Text, c.ImageUrl }).SingleAsync(ct);
        var scans = await db.PressScans.AsNoTracking().Where(s => s.ClippingId == id).OrderBy(s => s.Id)
            .Select(s => new ScanInfo(s.Id, s.FileName, s.ContentType, s.Size)).ToListAsync(ct);
        return new ClippingDetail(row, extra.Text, extra.ImageUrl, scans);
    }

    public async Task<(string FileName, string ContentType, byte[] Content)?> ScanAsync(int scanId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.PressScans.AsNoTracking().Where(x => x.Id == scanId)
            .Select(x => new { x.FileName, x.ContentType, x.Content }).SingleOrDefaultAsync(ct);
        return s is null ? null : (s.FileName, s.ContentType, s.Content);
    }

    public async Task<IReadOnlyList<SourceOption>> SourcesAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sources = await db.PressSources.AsNoTracking().Select(s => new SourceOption(s.Id, s.Name, s.Kind)).ToListAsync(ct);
        return sources.OrderBy(s => s.Name, TurkishText.Comparer).ToList();
    }

    /// <summary>Topics in use plus the usual ones, for the topic picker.</summary>
    public async Task<IReadOnlyList<string>> TopicsAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The newest few thousand are enough to learn the office's own topics, and stay cheap on a large archive.
        var used = await db.PressClippings.AsNoTracking().OrderByDescending(c => c.Id).Take(5000)
            .Where(c => c.Topic != null).Select(c => c.Topic!).Distinct().ToListAsync(ct);
        return used.Concat(DefaultTopics).Distinct(StringComparer.Ordinal).OrderBy(t => t, TurkishText.Comparer).ToList();
    }

    /// <summary>The filter as a query: the text through the provider's full-text search, then the other conditions.</summary>
    internal static IQueryable<PressClipping> Apply(IntranetDbContext db, ClippingFilter f)
    {
        var query = PressSearch.Matching(db, f.Search);
        if (f.Tone is { } tone) query = query.Where(c => c.Tone == tone);
        if (f.SourceId is { } source) query = query.Where(c => c.SourceId == source);
        if (f.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (f.DirectorateId is { } dir)
        {
            var token = IdList.Token(dir);
            query = query.Where(c => c.DirectorateIds != null && c.DirectorateIds.Contains(token));
        }
        if (f.From is { } from) query = query.Where(c => c.PublishedOn >= from);
        if (f.To is { } to) query = query.Where(c => c.PublishedOn <= to);
        if (f.NeedsAnswerOnly) query = query.Where(c => c.NeedsAnswer);
        if (f.UnreviewedOnly) query = query.Where(c => c.ReviewedAt == null);
        return query;
    }

    private static IQueryable<PressClipping> Filtered(IntranetDbContext db, ClippingFilter f) => Apply(db, f);

    private static IQueryable<ClippingRow> Rows(IQueryable<PressClipping> query, int summaryLength = SummaryLength) =>
        query.Select(c => new ClippingRow(c.Id, c.Title, c.SourceId, c.Source != null ? c.Source.Name : null, c.Kind, c.Tone, c.Topic, c.Importance,
            c.NeedsAnswer, c.DirectorateIds, c.MatchedRules, c.PublishedAt, c.CapturedAt, c.Url,
            c.Summary != null && c.Summary.Length > summaryLength ? c.Summary.Substring(0, summaryLength) : c.Summary,
            c.Page, c.Columnist, c.Program, c.ReviewedAt, c.ReviewedBy, c.Version));
}

public static class PressText
{
    public static string Name(this Tone tone) => tone switch
    {
        Tone.Olumlu => "Olumlu",
        Tone.Olumsuz => "Olumsuz",
        _ => "Nötr",
    };

    public static string Name(this ClippingKind kind) => kind switch
    {
        ClippingKind.Basili => "Basılı",
        ClippingKind.Televizyon => "Televizyon",
        ClippingKind.Radyo => "Radyo",
        _ => "İnternet",
    };

    public static string Name(this PressSourceKind kind) => kind switch
    {
        PressSourceKind.UlusalGazete => "Ulusal gazete",
        PressSourceKind.YerelGazete => "Yerel gazete",
        PressSourceKind.Televizyon => "Televizyon",
        PressSourceKind.WebSitesi => "Haber sitesi",
        PressSourceKind.Ajans => "Haber ajansı",
        PressSourceKind.Radyo => "Radyo",
        _ => kind.ToString(),
    };

    public static string Name(this PressReleaseStatus status) => status switch
    {
        PressReleaseStatus.Taslak => "Taslak",
        PressReleaseStatus.OnayBekliyor => "Onay bekliyor",
        PressReleaseStatus.Onaylandi => "Onaylandı",
        PressReleaseStatus.Reddedildi => "Reddedildi",
        PressReleaseStatus.Gonderildi => "Gönderildi",
        _ => status.ToString(),
    };

    public static string ImportanceName(int importance) => importance switch
    {
        1 => "Düşük",
        2 => "Orta altı",
        3 => "Orta",
        4 => "Yüksek",
        5 => "Çok yüksek",
        _ => "—",
    };
}
