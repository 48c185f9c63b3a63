using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

public sealed record NamedId(int Id, string Name);

public sealed record VisitListRow(int Id, VisitKind Kind, string Title, DateTime StartsAt, string Neighbourhoods, bool MayorAttends, int Raised, int Open);

/// <summary>A raised request as it stands now.</summary>
public sealed record RaisedStatus(int RequestId, string Number, RaisedPriority Priority, string Category, string Neighbourhood, string? Directorate,
    RequestStatus Status, DateTime DueAt, bool IsOverdue, string Summary, string? Resolution, string? VisitTitle);

public sealed record FollowUpRow(int Id, int DirectorateId, string Directorate, DateOnly DueOn, bool IsLate, string? Report, DateTime? ReportedAt,
    string? ReportedBy, Guid Version, bool CanWrite);

public sealed record VisitView(MuhtarVisit Visit, IReadOnlyList<NamedId> Neighbourhoods, IReadOnlyList<RaisedStatus> Raised,
    IReadOnlyList<RaisedStatus> EarlierOpen, IReadOnlyList<FollowUpRow> FollowUps, IReadOnlyList<AnnouncementRow> Notices, bool CanManage);

/// <summary>The read side of visits: the list, and the visit page with the live status of every request raised there.</summary>
public sealed class VisitQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, MuhtarOptions options, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<IReadOnlyList<VisitListRow>> ListAsync(bool upcoming, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = Request.OpenStatuses;
        var query = db.MuhtarVisits.AsNoTracking();
        var links = db.VisitRequests;
        query = upcoming ? query.Where(v => v.EndsAt >= now).OrderBy(v => v.StartsAt) : query.Where(v => v.EndsAt < now).OrderByDescending(v => v.StartsAt);
        var rows = await query.Take(200).Select(v => new
        {
            v.Id, v.Kind, v.Title, v.StartsAt, v.MayorAttends,
            Names = v.Neighbourhoods.Join(db.Neighbourhoods, x => x.NeighbourhoodId, n => n.Id, (x, n) => n.Name).ToList(),
            Raised = links.Count(r => r.VisitId == v.Id),
            Open = links.Where(r => r.VisitId == v.Id).Join(db.Requests, r => r.RequestId, q => q.Id, (r, q) => q.Status).Count(s => open.Contains(s)),
        }).ToListAsync(ct);
        return rows.Select(v => new VisitListRow(v.Id, v.Kind, v.Title, v.StartsAt,
            string.Join(", ", v.Names.OrderBy(n => n, TurkishText.Comparer)), v.MayorAttends, v.Raised, v.Open)).ToList();
    }

    public async Task<VisitView?> GetAsync(int id, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.MuhtarVisits.AsNoTracking().Include(v => v.Neighbourhoods).Include(v => v.Attendees).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = visit.Neighbourhoods.Select(n => n.NeighbourhoodId).ToList();
        var neighbourhoods = (await db.Neighbourhoods.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new NamedId(n.Id, n.Name)).ToListAsync(ct))
            .OrderBy(n => n.Name, TurkishText.Comparer).ToList();

        var raised = await RaisedAsync(db, db.VisitRequests.Where(r => r.VisitId == id), now, ct);
        // Where the last visits to these mahalle stopped: what they raised that is still open.
        var open = Request.OpenStatuses;
        var visitRows = db.MuhtarVisits;
        var earlier = await RaisedAsync(db, db.VisitRequests.Where(r => r.VisitId != id
                && visitRows.Any(v => v.Id == r.VisitId && v.StartsAt < visit.StartsAt)
                && db.Requests.Any(q => q.Id == r.RequestId && open.Contains(q.Status) && ids.Contains(q.NeighbourhoodId))), now, ct);

        var canManage = await MuhtarAccess.CanManageAsync(db, User, options, ct);
        var today = IstanbulTime.Today(now);
        var followUps = (await db.VisitFollowUps.AsNoTracking().Where(f => f.VisitId == id)
                .Join(db.Directorates, f => f.DirectorateId, d => d.Id, (f, d) => new { f, d.Name }).ToListAsync(ct))
            .Select(x => new FollowUpRow(x.f.Id, x.f.DirectorateId, x.Name, x.f.DueOn, x.f.ReportedAt is null && x.f.DueOn < today, x.f.Report,
                x.f.ReportedAt, x.f.ReportedBy, x.f.Version, canManage || User.DirectorateId == x.f.DirectorateId))
            .OrderBy(f => f.Directorate, TurkishText.Comparer).ToList();
        var notices = await AnnouncementService.Rows(db.Announcements.AsNoTracking().Where(a => a.VisitId == id).OrderByDescending(a => a.CreatedAt),
            db.MessageDeliveries).ToListAsync(ct);
        return new VisitView(visit, neighbourhoods, raised, earlier, followUps, notices, canManage);
    }

    private static async Task<IReadOnlyList<RaisedStatus>> RaisedAsync(IntranetDbContext db, IQueryable<VisitRequest> links, DateTime now, CancellationToken ct)
    {
        var open = Request.OpenStatuses;
        var visits = db.MuhtarVisits;
        var rows = await links.Join(db.Requests, l => l.RequestId, r => r.Id, (l, r) => new
            {
                r.Id, r.Number, l.Priority, Category = r.Category!.Name, Neighbourhood = r.Neighbourhood!.Name,
                Directorate = r.Directorate != null ? r.Directorate.Name : null, r.Status, r.DueAt,
                Summary = r.Text.Substring(0, 160), r.Resolution,
                Visit = visits.Where(v => v.Id == l.VisitId).Select(v => v.Title).FirstOrDefault(),
            })
            .OrderBy(x => x.Id).Take(500).ToListAsync(ct);
        return rows.Select(r => new RaisedStatus(r.Id, r.Number, r.Priority, r.Category, r.Neighbourhood, r.Directorate, r.Status, r.DueAt,
                open.Contains(r.Status) && r.DueAt < now, r.Summary, r.Resolution, r.Visit))
            .OrderByDescending(r => r.Priority).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
    }
}
