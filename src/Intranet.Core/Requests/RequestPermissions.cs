using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Requests;

/// <summary>The steps a person can take on a request.</summary>
public enum RequestAction
{
    Screen,
    Reject,
    Route,
    Assign,
    Start,
    Resolve,
    Answer,
    Close,
    Reopen,
    ExtendDeadline,
    EditNote,
    /// <summary>Hand the request to an outside body with a formal letter (see Handoffs/HandoffService).</summary>
    ForwardOutside,
}

/// <summary>
/// Who may take which step, on top of <see cref="RequestScope"/> (which already limits Staff and Directors to their
/// directorate). Screening and routing belong to the desk (Halkla İlişkiler), the mayor's office and Admin; the work
/// itself to the directorate; a Director assigns within the directorate.
/// </summary>
public static class RequestPermissions
{
    public static bool Can(UserContext user, RequestAction action, Request request)
    {
        if (user.IsSystem) return true;
        if (!Policies.Allows(Policies.Requests, user)) return false;
        var desk = user.IsScreeningDesk || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.MayorOffice);
        var ownDirectorate = user.DirectorateId is { } d && d == request.DirectorateId;
        var director = ownDirectorate && user.IsInRole(Roles.Director);
        var worker = ownDirectorate && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Director));
        return action switch
        {
            RequestAction.Screen or RequestAction.Reject => desk,
            RequestAction.Route => desk || director,
            RequestAction.Assign => desk || director || (worker && request.AssigneeId is null),
            RequestAction.Start or RequestAction.Resolve => desk || worker,
            RequestAction.Answer => desk || worker,
            RequestAction.Close or RequestAction.Reopen => desk || director,
            RequestAction.ExtendDeadline => (desk || director) && request.Type == RequestType.BilgiEdinme && !request.DeadlineExtended,
            RequestAction.EditNote => desk || worker,
            RequestAction.ForwardOutside => desk || director,
            _ => false,
        };
    }

    /// <summary>The status an action leads to (null: the status does not change).</summary>
    public static RequestStatus? TargetOf(RequestAction action) => action switch
    {
        RequestAction.Screen => RequestStatus.OnInceleme,
        RequestAction.Reject => RequestStatus.UygunDegil,
        RequestAction.Route => RequestStatus.HavaleEdildi,
        RequestAction.Assign => RequestStatus.Atandi,
        RequestAction.Start => RequestStatus.Islemde,
        RequestAction.Resolve => RequestStatus.Cozuldu,
        RequestAction.Answer => RequestStatus.Cevaplandi,
        RequestAction.Close => RequestStatus.Kapandi,
        RequestAction.Reopen => RequestStatus.HavaleEdildi,
        RequestAction.ForwardOutside => RequestStatus.DisKurumaYonlendirildi,
        _ => null,
    };

    /// <summary>The actions this user can take on this request now: the workflow allows them and the role does.</summary>
    public static IReadOnlyList<RequestAction> Available(UserContext user, Request request) =>
        Enum.GetValues<RequestAction>()
            .Where(a => TargetOf(a) is not { } to || IsStepAllowed(request.Status, a, to))
            .Where(a => Can(user, a, request))
            .ToList();

    internal static bool IsStepAllowed(RequestStatus from, RequestAction action, RequestStatus to) => action switch
    {
        // Reopening is only for what was resolved, answered, closed or handed back by an outside body; re-routing an
        // open one is Route.
        RequestAction.Reopen => from is RequestStatus.Cozuldu or RequestStatus.Cevaplandi or RequestStatus.Kapandi or RequestStatus.DisKurumaYonlendirildi,
        RequestAction.Route => from is not (RequestStatus.Cozuldu or RequestStatus.Cevaplandi or RequestStatus.Kapandi or RequestStatus.UygunDegil
                                            or RequestStatus.DisKurumaYonlendirildi)
                               && RequestWorkflow.IsAllowed(from, to),
        _ => RequestWorkflow.IsAllowed(from, to),
    };
}
