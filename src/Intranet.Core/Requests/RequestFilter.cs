namespace Intranet.Core.Requests;

/// <summary>The request list's filters; every field is optional. Also what a saved filter stores (as JSON).</summary>
public sealed record RequestFilter
{
    public IReadOnlyList<RequestStatus>? Statuses { get; init; }
    /// <summary>Only requests still owed to the citizen (<see cref="Request.OpenStatuses"/>).</summary>
    public bool OpenOnly { get; init; }
    public bool OverdueOnly { get; init; }
    public int? DirectorateId { get; init; }
    public int? NeighbourhoodId { get; init; }
    public int? CategoryId { get; init; }
    public RequestChannel? Channel { get; init; }
    public RequestType? Type { get; init; }
    public int? AssigneeId { get; init; }
    public bool UnassignedOnly { get; init; }
    /// <summary>Istanbul calendar days, inclusive.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>A reference number ("2026-000123"), a phone number, or words of the request text.</summary>
    public string? Text { get; init; }
}

/// <summary>The columns the list can be sorted by.</summary>
public enum RequestSort
{
    CreatedAt,
    DueAt,
    Number,
    Status,
    Neighbourhood,
    Category,
    Directorate,
}

/// <summary>A page of the list: which rows, in which order.</summary>
public sealed record RequestPage(int Page = 0, int PageSize = 25, RequestSort Sort = RequestSort.CreatedAt, bool Descending = true);

/// <summary>One row of the request list; personal data arrives masked.</summary>
public sealed record RequestListRow(
    int Id,
    string Number,
    RequestType Type,
    RequestChannel Channel,
    RequestStatus Status,
    string Category,
    string Neighbourhood,
    int? DirectorateId,
    string? Directorate,
    int? AssigneeId,
    string? Assignee,
    string CitizenMasked,
    string Summary,
    DateTime CreatedAt,
    DateTime DueAt,
    bool IsOverdue,
    string? Note,
    Guid Version,
    RequestPriority Priority = RequestPriority.Normal);

/// <summary>A page and the number of rows in all pages; <paramref name="MoreThanTotal"/>: at least that many, a search stopped counting.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, bool MoreThanTotal = false);
