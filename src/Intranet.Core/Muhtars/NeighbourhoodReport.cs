using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

public sealed record KarneOverdue(int Id, string Number, string Category, string? Directorate, RequestStatus Status, DateTime DueAt);
public sealed record KarneVisit(int Id, VisitKind Kind, string Title, DateTime StartsAt, int Raised);
public sealed record KarneEvent(string Title, EventType Type, DateTime StartsAt, string? Place);
public sealed record KarneClipping(string Title, string? Source, Tone Tone, DateTime PublishedAt, string? Url);
public sealed record KarneWork(int Id, string Number, string Category, string? Directorate, DateTime ResolvedAt, string? Resolution, string? Reply);

/// <summary>
/// The mahalle karnesi for a period. Request figures count the requests received in the period (by their Istanbul
/// day), as the statistics page does: open and overdue as they stand now, resolution times of those resolved.
/// <see cref="WorkDone"/> is what was resolved within the period, whenever it was received.
/// </summary>
public sealed record NeighbourhoodReport(
    int NeighbourhoodId, string Name, string? Muhtar, int? Population, DateOnly From, DateOnly To,
    RequestStatisticsRow Totals, IReadOnlyList<RequestStatisticsRow> ByCategory, IReadOnlyList<RequestStatisticsRow> ByDirectorate,
    IReadOnlyList<KarneOverdue> Overdue, IReadOnlyList<KarneVisit> Visits, IReadOnlyList<KarneEvent> Events,
    IReadOnlyList<KarneClipping> Clippings, IReadOnlyList<KarneWork> WorkDone)
{
    /// <summary>Requests per 1,000 residents, so mahalle of different sizes compare fairly.</summary>
    public double? PerThousand => Population is > 0 ? Totals.Total * 1000.0 / Population.Value : null;

    public int Meetings => Visits.Count(v => v.Kind == VisitKind.MuhtarToplantisi);
    public int NeighbourhoodVisits => Visits.Count(v => v.Kind == VisitKind.MahalleZiyareti);
}

/// <summary>
/// Builds the mahalle karnesi. Every figure comes from <see cref="GetAsync"/>; the side-by-side comparison and the
/// exports call it too, so the screen, the comparison and the files cannot disagree. Request figures come from
/// <see cref="RequestStatistics"/>, the engine of the statistics page, over the whole municipality: the karne is an
/// aggregate about a mahalle, read by Muhtarlık İşleri whose own request scope is only their directorate.
/// </summary>
public sealed class NeighbourhoodReportService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxDays = 3 * 366;
    public const int ListLimit = 200;

    public async Task<NeighbourhoodReport> GetAsync(int neighbourhoodId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(currentUser.User);
        if (to < from) throw new ValidationException("Dönem sonu başlangıcından önce olamaz.");
        if (to.DayNumber - from.DayNumber > MaxDays) throw new ValidationException("Karne en fazla üç yıllık bir dönem için alınabilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Neighbourhoods.AsNoTracking().SingleOrDefaultAsync(x => x.Id == neighbourhoodId, ct)
            ?? throw new ValidationException("Seçilen mahalle bulunamadı; listeden bir mahalle seçin.");
        var now = clock.GetUtcNow().UtcDateTime;
        var fromUtc = IstanbulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = IstanbulTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));

        var statistics = new RequestStatistics(dbFactory, new FixedCurrentUser(UserContext.System), clock);
        var filter = new RequestFilter { NeighbourhoodId = neighbourhoodId, From = from, To = to };
        var byCategory = await statistics.GetAsync(filter, StatisticsDimension.Category, ct);
        var byDirectorate = await statistics.GetAsync(filter, StatisticsDimension.Directorate, ct);

        var open = Request.OpenStatuses;
        var inPeriod = db.Requests.AsNoTracking().Where(r => r.NeighbourhoodId == neighbourhoodId && r.CreatedOn >= from && r.CreatedOn <= to);
        var overdue = await inPeriod.Where(r => open.Contains(r.Status) && r.DueAt < now).OrderBy(r => r.DueAt).Take(ListLimit)
            .Select(r => new KarneOverdue(r.Id, r.Number, r.Category!.Name, r.Directorate != null ? r.Directorate.Name : null, r.Status, r.DueAt))
            .ToListAsync(ct);
        var work = await db.Requests.AsNoTracking()
            .Where(r => r.NeighbourhoodId == neighbourhoodId && r.ResolvedAt >= fromUtc && r.ResolvedAt < toUtc)
            .OrderByDescending(r => r.ResolvedAt).Take(ListLimit)
            .Select(r => new KarneWork(r.Id, r.Number, r.Category!.Name, r.Directorate != null ? r.Directorate.Name : null, r.ResolvedAt!.Value, r.Resolution, r.ReplyText))
            .ToListAsync(ct);

        var raisedAt = db.VisitRequests;
        var visitRows = db.MuhtarVisits;
        var visits = await db.MuhtarVisits.AsNoTracking()
            .Where(v => v.StartsAt >= fromUtc && v.StartsAt < toUtc && v.StartsAt <= now && v.Neighbourhoods.Any(x => x.NeighbourhoodId == neighbourhoodId))
            .OrderBy(v => v.StartsAt)
            .Select(v => new KarneVisit(v.Id, v.Kind, v.Title, v.StartsAt, raisedAt.Count(r => r.VisitId == v.Id)))
            .ToListAsync(ct);
        // Events held in the mahalle; visits' own calendar events are listed as visits, not twice.
        var events = await db.CalendarEvents.AsNoTracking()
            .Where(e => e.NeighbourhoodId == neighbourhoodId && e.StartsAt >= fromUtc && e.StartsAt < toUtc
                        && !visitRows.Any(v => v.CalendarEventId == e.Id))
            .OrderBy(e => e.StartsAt).Take(ListLimit)
            .Select(e => new KarneEvent(e.Title, e.Type, e.StartsAt, e.Place))
            .ToListAsync(ct);
        // A clipping mentions the mahalle when its folded title holds the folded name as whole words.
        var key = " " + TurkishText.Fold(n.Name) + " ";
        var clippings = await db.PressClippings.AsNoTracking()
            .Where(c => c.PublishedAt >= fromUtc && c.PublishedAt < toUtc && (" " + c.TitleKey + " ").Contains(key))
            .OrderByDescending(c => c.PublishedAt).Take(ListLimit)
            .Select(c => new KarneClipping(c.Title, c.Source != null ? c.Source.Name : null, c.Tone, c.PublishedAt, c.Url))
            .ToListAsync(ct);

        var today = IstanbulTime.Today(now);
        var day = to < today ? to : today;
        var muhtar = await db.Muhtars.AsNoTracking()
            .Where(m => m.NeighbourhoodId == neighbourhoodId && m.TermStart <= day && (m.TermEnd == null || m.TermEnd >= day))
            .Select(m => m.FullName).FirstOrDefaultAsync(ct);

        return new NeighbourhoodReport(n.Id, n.Name, muhtar, n.Population, from, to, byCategory.Total, byCategory.Rows, byDirectorate.Rows,
            overdue, visits, events, clippings, work);
    }

    /// <summary>Several mahalle side by side, each from <see cref="GetAsync"/>, in the order asked.</summary>
    public async Task<IReadOnlyList<NeighbourhoodReport>> CompareAsync(IReadOnlyList<int> neighbourhoodIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (neighbourhoodIds.Count < 2) throw new ValidationException("Karşılaştırmak için en az iki mahalle seçin.");
        var reports = new List<NeighbourhoodReport>();
        foreach (var id in neighbourhoodIds.Distinct()) reports.Add(await GetAsync(id, from, to, ct));
        return reports;
    }
}
