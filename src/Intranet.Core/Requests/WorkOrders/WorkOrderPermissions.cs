using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Requests.WorkOrders;

/// <summary>
/// Who may do what with work orders, per directorate. The request's side (the desk, or the directorate that owns the
/// request) plans and cancels them; the work order's own directorate (its crew, its director) does the work, even
/// when the request belongs to another directorate; Admin may do both.
/// </summary>
public static class WorkOrderPermissions
{
    public static bool CanPlan(UserContext user, Request request)
    {
        if (user.IsSystem) return true;
        if (!Policies.Allows(Policies.Requests, user)) return false;
        return IsDesk(user) || (user.DirectorateId is { } d && d == request.DirectorateId && IsWorker(user));
    }

    public static bool CanWork(UserContext user, WorkOrder order) =>
        user.IsSystem || user.IsInRole(Roles.Admin)
        || (Policies.Allows(Policies.Requests, user) && user.DirectorateId is { } d && d == order.DirectorateId && IsWorker(user));

    public static bool CanCancel(UserContext user, WorkOrder order, Request request) =>
        CanPlan(user, request) || (CanWork(user, order) && user.IsInRole(Roles.Director));

    /// <summary>Work orders a user may see: all for those who see every request; else their directorate's, and those under its requests.</summary>
    public static IQueryable<WorkOrder> VisibleTo(this IQueryable<WorkOrder> orders, UserContext user)
    {
        if (user.SeesAllDirectorates) return orders;
        if (user.DirectorateId is { } dir && IsWorker(user))
            return orders.Where(o => o.DirectorateId == dir || o.Request!.DirectorateId == dir);
        return orders.Where(_ => false);
    }

    private static bool IsDesk(UserContext user) => user.IsScreeningDesk || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.MayorOffice);

    private static bool IsWorker(UserContext user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Director);
}
