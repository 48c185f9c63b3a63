using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.WorkOrders;

public sealed record PhotoInfo(int Id, PhotoStage Stage, string FileName, long Size, DateTime UploadedAt, string UploadedBy);

/// <summary>A work order with what its page or panel shows and what the viewer may do with it.</summary>
public sealed record WorkOrderView(int Id, Guid Version, int RequestId, string Number, string Directorate, string? Crew, string Description,
    WorkOrderStatus Status, DateOnly? PlannedOn, DateTime? StartedAt, DateTime? DoneAt, string? DoneNote, string? CancelReason,
    DateTime CreatedAt, string CreatedBy, IReadOnlyList<PhotoInfo> Photos, bool CanWork, bool CanCancel, bool CanAddPhotos);

/// <summary>What the field team needs on site: the job and where it is.</summary>
public sealed record WorkOrderCard(WorkOrderView Order, string Category, string Neighbourhood, string? Address, double? Latitude,
    double? Longitude, string RequestText, RequestStatus RequestStatus);

/// <summary>A line of the field team's list.</summary>
public sealed record TeamRow(int Id, string Number, string Description, string? Crew, string Directorate, string Neighbourhood, string? Address,
    WorkOrderStatus Status, DateOnly? PlannedOn, int Photos);

/// <summary>Read side of work orders, scoped by <see cref="WorkOrderPermissions.VisibleTo"/>.</summary>
public sealed class WorkOrderQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    /// <summary>The work orders under a request the user may see, and whether they may plan new ones on it now.</summary>
    public async Task<(IReadOnlyList<WorkOrderView> Orders, bool CanPlan)> ForRequestAsync(int requestId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return ([], false);
        var orders = await db.WorkOrders.AsNoTracking().Include(o => o.Directorate).Where(o => o.RequestId == requestId).OrderBy(o => o.Id).ToListAsync(ct);
        var photos = await Photos(db, orders.Select(o => o.Id).ToList(), ct);
        return (orders.Select(o => View(o, request, photos)).ToList(),
            WorkOrderService.Workable.Contains(request.Status) && WorkOrderPermissions.CanPlan(User, request));
    }

    public async Task<WorkOrderCard?> GetAsync(int id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.AsNoTracking().VisibleTo(User).Include(o => o.Directorate)
            .Include(o => o.Request).ThenInclude(r => r!.Category).Include(o => o.Request).ThenInclude(r => r!.Neighbourhood)
            .SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return null;
        var r = order.Request!;
        var photos = await Photos(db, [id], ct);
        return new WorkOrderCard(View(order, r, photos), r.Category!.Name, r.Neighbourhood!.Name, r.Address, r.Latitude, r.Longitude, r.Text, r.Status);
    }

    /// <summary>
    /// The field team's list: unfinished work of the user's directorate (everyone's for those who see every
    /// directorate), what is planned for today or late first, then work finished today.
    /// </summary>
    public async Task<IReadOnlyList<TeamRow>> TeamListAsync(CancellationToken ct = default)
    {
        Demand();
        var now = clock.GetUtcNow().UtcDateTime;
        var todayStart = IstanbulTime.ToUtc(IstanbulTime.Today(now).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkOrders.AsNoTracking().VisibleTo(User);
        if (!User.SeesAllDirectorates && User.DirectorateId is { } dir) query = query.Where(o => o.DirectorateId == dir);
        var rows = await query
            .Where(o => o.Status == WorkOrderStatus.Planlandi || o.Status == WorkOrderStatus.Sahada || (o.Status == WorkOrderStatus.Tamamlandi && o.DoneAt >= todayStart))
            .OrderBy(o => o.Status == WorkOrderStatus.Tamamlandi).ThenBy(o => o.PlannedOn == null).ThenBy(o => o.PlannedOn).ThenBy(o => o.Id)
            .Take(300)
            .Select(o => new TeamRow(o.Id, o.Request!.Number, o.Description, o.Crew, o.Directorate!.Name, o.Request.Neighbourhood!.Name,
                o.Request.Address, o.Status, o.PlannedOn, db.Set<WorkOrderPhoto>().Count(p => p.WorkOrderId == o.Id)))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<(string FileName, string ContentType, byte[] Content)?> PhotoAsync(int photoId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.WorkOrders.VisibleTo(User).Select(o => o.Id);
        var p = await db.WorkOrderPhotos.AsNoTracking().Where(x => x.Id == photoId && visible.Contains(x.WorkOrderId))
            .Select(x => new { x.FileName, x.ContentType, x.Content }).SingleOrDefaultAsync(ct);
        return p is null ? null : (p.FileName, p.ContentType, p.Content);
    }

    private WorkOrderView View(WorkOrder o, Request r, ILookup<int, PhotoInfo> photos) => new(
        o.Id, o.Version, o.RequestId, r.Number, o.Directorate!.Name, o.Crew, o.Description, o.Status, o.PlannedOn, o.StartedAt, o.DoneAt,
        o.DoneNote, o.CancelReason, o.CreatedAt, o.CreatedBy, photos[o.Id].ToList(),
        !o.IsFinished && WorkOrderPermissions.CanWork(User, o),
        !o.IsFinished && WorkOrderPermissions.CanCancel(User, o, r),
        // An "after" photo often follows the closing tap: photos stay open on finished work, not on cancelled.
        o.Status != WorkOrderStatus.IptalEdildi && WorkOrderPermissions.CanWork(User, o));

    private static async Task<ILookup<int, PhotoInfo>> Photos(IntranetDbContext db, List<int> orderIds, CancellationToken ct) =>
        (await db.WorkOrderPhotos.AsNoTracking().Where(p => orderIds.Contains(p.WorkOrderId)).OrderBy(p => p.UploadedAt)
            .Select(p => new { p.WorkOrderId, Info = new PhotoInfo(p.Id, p.Stage, p.FileName, p.Size, p.UploadedAt, p.UploadedBy) })
            .ToListAsync(ct)).ToLookup(p => p.WorkOrderId, p => p.Info);

    private void Demand()
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
    }
}
