using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Requests;

/// <summary>A başvuru: one citizen's request, complaint, suggestion, tip or thanks, followed until answered.</summary>
public partial class Request : IVersioned, IAudited
{
    public int Id { get; set; }
    /// <summary>The number the citizen is told, "2026-000123": year and a sequence within the year.</summary>
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }

    public RequestType Type { get; set; }
    public RequestChannel Channel { get; set; }
    public RequestStatus Status { get; set; }

    public required string Text { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>CİMER's own reference, when the request came from CİMER.</summary>
    public string? ExternalReference { get; set; }

    public int? CitizenId { get; set; }
    public Citizen? Citizen { get; set; }
    public int NeighbourhoodId { get; set; }
    public Neighbourhood? Neighbourhood { get; set; }
    /// <summary>The muhtar who brought the request (channel Muhtar): the requester on the muhtar's timeline.</summary>
    public int? MuhtarId { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public int? DirectorateId { get; set; }
    public Directorate? Directorate { get; set; }
    public int? AssigneeId { get; set; }
    public AppUser? Assignee { get; set; }

    public DateTime CreatedAt { get; set; }
    /// <summary>The Istanbul calendar day of <see cref="CreatedAt"/>, stored so daily counts group in SQL on every provider.</summary>
    public DateOnly CreatedOn { get; set; }
    public int? CreatedById { get; set; }
    /// <summary>When it must be resolved, from the category's waiting time (or the law, for 4982/3071).</summary>
    public DateTime DueAt { get; set; }
    /// <summary>When the citizen must have been answered.</summary>
    public DateTime AnswerDueAt { get; set; }
    /// <summary>Law 4982: the deadline was extended to 30 working days and the applicant told.</summary>
    public bool DeadlineExtended { get; set; }
    public DateTime? RoutedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Minutes from intake to resolution, set when resolved: resolution-time statistics aggregate it in SQL.</summary>
    public int? ResolutionMinutes { get; set; }
    /// <summary>Whether it was resolved by <see cref="DueAt"/>; set with <see cref="ResolutionMinutes"/>.</summary>
    public bool? ResolvedInTime { get; set; }

    public string? Resolution { get; set; }
    public string? ReplyText { get; set; }
    public ReplyChannel? ReplyChannel { get; set; }
    /// <summary>Free note of the working staff, editable inline in the grid.</summary>
    public string? Note { get; set; }

    public Guid Version { get; set; }

    /// <summary>Open = still owed to the citizen: not closed, not rejected, not yet answered.</summary>
    public static readonly RequestStatus[] OpenStatuses =
        [RequestStatus.Yeni, RequestStatus.OnInceleme, RequestStatus.HavaleEdildi, RequestStatus.Atandi, RequestStatus.Islemde, RequestStatus.Cozuldu];

    public bool IsOpen => OpenStatuses.Contains(Status);
}

/// <summary>One step of a request's life: who did what, when, with which note. Never edited.</summary>
public class RequestHistory
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public Request? Request { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public required string UserName { get; set; }
    public RequestStatus? FromStatus { get; set; }
    public RequestStatus ToStatus { get; set; }
    public int? DirectorateId { get; set; }
    public int? AssigneeId { get; set; }
    public string? Note { get; set; }
}
