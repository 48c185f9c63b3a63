using Intranet.Core.Common;

namespace Intranet.Core.Muhtars;

public enum VisitKind
{
    /// <summary>The mayor (or a deputy) visits one mahalle.</summary>
    MahalleZiyareti = 0,
    /// <summary>A meeting with the muhtars of several mahalle.</summary>
    MuhtarToplantisi = 1,
}

/// <summary>How urgent a request raised at a visit is; the visit page lists them most urgent first.</summary>
public enum RaisedPriority
{
    Dusuk = 0,
    Normal = 1,
    Yuksek = 2,
    Acil = 3,
}

/// <summary>A neighbourhood visit or a muhtar meeting, with its calendar event, attendees and minutes.</summary>
public class MuhtarVisit : IVersioned, IAudited
{
    public int Id { get; set; }
    public VisitKind Kind { get; set; }
    public required string Title { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Place { get; set; }
    public bool MayorAttends { get; set; }
    /// <summary>The tutanak: what was discussed and promised.</summary>
    public string? Minutes { get; set; }
    public int? CalendarEventId { get; set; }
    public Calendar.CalendarEvent? CalendarEvent { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>Touched by every save of the visit or its attendees, so a stale attendee list conflicts too.</summary>
    public DateTime UpdatedAt { get; set; }
    public List<VisitNeighbourhood> Neighbourhoods { get; set; } = [];
    public List<VisitAttendee> Attendees { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A mahalle the visit goes to (one for a visit, several for a meeting).</summary>
public class VisitNeighbourhood
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public int NeighbourhoodId { get; set; }
}

/// <summary>Someone who attended: a muhtar (linked) or anyone else by name and title.</summary>
public class VisitAttendee
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public required string FullName { get; set; }
    public string? Title { get; set; }
    public int? MuhtarId { get; set; }
}

/// <summary>A request raised at the visit: an ordinary request, linked back to the visit with its priority.</summary>
public class VisitRequest
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public int RequestId { get; set; }
    public RaisedPriority Priority { get; set; }
}

/// <summary>The follow-up report asked of one directorate about the requests of a visit, by a due date.</summary>
public class VisitFollowUp : IVersioned, IAudited
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public int DirectorateId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public string? Report { get; set; }
    public DateTime? ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
    public Guid Version { get; set; }
}

public static class VisitText
{
    public static string Name(this VisitKind kind) => kind == VisitKind.MahalleZiyareti ? "Mahalle ziyareti" : "Muhtar toplantısı";

    public static string Name(this RaisedPriority p) => p switch
    {
        RaisedPriority.Dusuk => "Düşük",
        RaisedPriority.Normal => "Normal",
        RaisedPriority.Yuksek => "Yüksek",
        RaisedPriority.Acil => "Acil",
        _ => p.ToString(),
    };
}
