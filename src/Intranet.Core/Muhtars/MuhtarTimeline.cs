using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>One entry of a muhtar's contact history; <see cref="Link"/> opens its record.</summary>
public sealed record TimelineItem(DateTime At, ContactKind Kind, string Title, string? Detail, string? Link);

/// <summary>
/// A muhtar's contacts with the municipality on one timeline: calls and meetings recorded by hand, and, read from
/// their own tables (never copied), the visits to the mahalle in the muhtar's term, the requests the muhtar brought,
/// the register's documents from or to the muhtar, and the announcements sent to them.
/// </summary>
public sealed class MuhtarTimeline(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>Per source: the newest this many; a muhtar's five-year term stays readable.</summary>
    public const int PerSource = 200;

    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int muhtarId, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(currentUser.User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var muhtar = await db.Muhtars.AsNoTracking().SingleOrDefaultAsync(m => m.Id == muhtarId, ct);
        if (muhtar is null) return [];
        var from = IstanbulTime.ToUtc(muhtar.TermStart.ToDateTime(TimeOnly.MinValue));
        var to = muhtar.TermEnd is { } end ? IstanbulTime.ToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : DateTime.MaxValue;

        var items = new List<TimelineItem>();
        items.AddRange((await db.MuhtarContacts.AsNoTracking().Where(c => c.MuhtarId == muhtarId)
                .OrderByDescending(c => c.At).Take(PerSource).ToListAsync(ct))
            .Select(c => new TimelineItem(c.At, c.Kind, c.Subject, Join(c.Notes, $"Kaydeden: {c.RecordedBy}"), null)));

        var raisedAt = db.VisitRequests;
        var visits = await db.MuhtarVisits.AsNoTracking()
            .Where(v => (v.Neighbourhoods.Any(n => n.NeighbourhoodId == muhtar.NeighbourhoodId) && v.StartsAt >= from && v.StartsAt < to)
                        || v.Attendees.Any(a => a.MuhtarId == muhtarId))
            .OrderByDescending(v => v.StartsAt).Take(PerSource)
            .Select(v => new { v.Id, v.Kind, v.Title, v.StartsAt, v.Place, Raised = raisedAt.Count(r => r.VisitId == v.Id) })
            .ToListAsync(ct);
        items.AddRange(visits.Select(v => new TimelineItem(v.StartsAt, v.Kind == VisitKind.MahalleZiyareti ? ContactKind.Ziyaret : ContactKind.Toplanti,
            v.Title, Join(v.Place, v.Raised > 0 ? $"{v.Raised} talep alındı" : null), $"/muhtarlar/ziyaretler/{v.Id}")));

        var requests = await db.Requests.AsNoTracking().Where(r => r.MuhtarId == muhtarId)
            .OrderByDescending(r => r.CreatedAt).Take(PerSource)
            .Select(r => new { r.Id, r.Number, r.CreatedAt, r.Status, Category = r.Category!.Name, Directorate = r.Directorate != null ? r.Directorate.Name : null })
            .ToListAsync(ct);
        items.AddRange(requests.Select(r => new TimelineItem(r.CreatedAt, ContactKind.Talep, $"Başvuru {r.Number}: {r.Category}",
            Join(r.Status.Name(), r.Directorate), $"/basvurular/{r.Id}")));

        var documents = await db.RegisterEntries.AsNoTracking().Where(e => e.MuhtarId == muhtarId)
            .OrderByDescending(e => e.RegisteredAt).Take(PerSource)
            .Select(e => new { e.Id, e.Number, e.Direction, e.Subject, e.RegisteredAt })
            .ToListAsync(ct);
        items.AddRange(documents.Select(e => new TimelineItem(e.RegisteredAt, ContactKind.Evrak,
            $"{e.Direction.Name()} evrak {e.Number}: {e.Subject}", null, $"/evrak/{e.Id}")));

        var announcements = await db.MessageDeliveries.AsNoTracking().Where(d => d.MuhtarId == muhtarId)
            .Join(db.Announcements, d => d.AnnouncementId, a => a.Id, (d, a) => new { a.Id, a.Subject, a.CreatedAt, d.Channel, d.Status })
            .OrderByDescending(x => x.CreatedAt).Take(PerSource)
            .ToListAsync(ct);
        items.AddRange(announcements.GroupBy(a => new { a.Id, a.Subject, a.CreatedAt }).Select(g => new TimelineItem(g.Key.CreatedAt, ContactKind.Duyuru,
            g.Key.Subject, string.Join(", ", g.Select(x => $"{x.Channel.Name()}: {x.Status.Name()}")), "/muhtarlar/duyurular")));

        return items.OrderByDescending(i => i.At).ToList();
    }

    private static string? Join(params string?[] parts)
    {
        var text = string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }
}
