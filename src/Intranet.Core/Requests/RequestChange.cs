namespace Intranet.Core.Requests;

/// <summary>
/// The facts of one request that the dashboards count: where it stands, where it belongs and its timestamps. Small and
/// immutable, so a change can carry them to every server (through Redis) and every dashboard applies them in place.
/// </summary>
public sealed record RequestFacts(
    int Id,
    string Number,
    RequestStatus Status,
    int NeighbourhoodId,
    int? DirectorateId,
    int CategoryId,
    RequestChannel Channel,
    DateTime CreatedAt,
    DateOnly CreatedOn,
    DateTime DueAt,
    DateTime? ResolvedAt,
    int? ResolutionMinutes,
    bool? ResolvedInTime,
    DateTime? ClosedAt)
{
    public bool IsOpen => Request.OpenStatuses.Contains(Status);

    public static RequestFacts Of(Request r) => new(r.Id, r.Number, r.Status, r.NeighbourhoodId, r.DirectorateId, r.CategoryId, r.Channel,
        r.CreatedAt, r.CreatedOn, r.DueAt, r.ResolvedAt, r.ResolutionMinutes, r.ResolvedInTime, r.ClosedAt);
}

/// <summary>One request before and after a saved change: no <see cref="Before"/> for an intake, equal sides for a note.</summary>
public sealed record RequestChange(RequestFacts? Before, RequestFacts? After)
{
    /// <summary>False when nothing a dashboard counts moved (a note, an attachment): no screen needs to hear of it.</summary>
    public bool MovesFigures => Before != After;
}
