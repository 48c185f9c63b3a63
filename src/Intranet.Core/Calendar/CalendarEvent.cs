using Intranet.Core.Common;

namespace Intranet.Core.Calendar;

public enum EventType
{
    Toren = 0,
    Acilis = 1,
    MilliGun = 2,
    KulturelEtkinlik = 3,
    MahalleZiyareti = 4,
    MuhtarToplantisi = 5,
    BasinToplantisi = 6,
    BaskanRandevusu = 7,
    Meclis = 8,
}

/// <summary>An event on the municipal calendar. Times are stored in UTC and shown in Europe/Istanbul.</summary>
public class CalendarEvent : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public EventType Type { get; set; }
    public int? DirectorateId { get; set; }
    public string? Place { get; set; }
    public int? NeighbourhoodId { get; set; }
    /// <summary>Start of the event, or of the first occurrence of a series.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>End of the event, or of the first occurrence of a series (so the duration of every occurrence).</summary>
    public DateTime EndsAt { get; set; }
    /// <summary>Whole Istanbul days: StartsAt is a day's 00:00 and EndsAt the 00:00 after the last day.</summary>
    public bool AllDay { get; set; }
    public bool IsPublic { get; set; } = true;
    public bool MayorAttends { get; set; }
    public string? ProtocolNotes { get; set; }
    public string? Guests { get; set; }
    /// <summary>RFC 5545 RRULE text for recurring events (weekly muhtar meetings, monthly council).</summary>
    public string? RecurrenceRule { get; set; }
    /// <summary>
    /// EXDATE of a series: the UTC starts of occurrences deleted or moved out as a detached event, written
    /// "yyyyMMddTHHmmssZ" and comma-separated.
    /// </summary>
    public string? ExceptionDates { get; set; }
    /// <summary>End of a series' last occurrence (from UNTIL or COUNT); null when it never ends. Lets a range query skip ended series.</summary>
    public DateTime? RecurrenceEndsAt { get; set; }
    /// <summary>Set on a single occurrence edited apart from its series (the series carries its start as an EXDATE).</summary>
    public int? SeriesId { get; set; }
    /// <summary>Where the detached occurrence stood in its series before it was edited.</summary>
    public DateTime? OriginalStartsAt { get; set; }
    /// <summary>The UID of the .ics event this was imported from, so importing the same file twice adds nothing.</summary>
    public string? ImportUid { get; set; }
    public Guid Version { get; set; }
}

public enum AppointmentStatus
{
    Bekliyor = 0,
    Planlandi = 1,
    Gorusuldu = 2,
    Reddedildi = 3,
}

/// <summary>How the appointment request reached the mayor's office.</summary>
public enum AppointmentChannel
{
    Telefon = 0,
    EPosta = 1,
    Web = 2,
    Ziyaret = 3,
}

/// <summary>A randevu request with the mayor from a citizen or an institution.</summary>
public class Appointment : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string RequesterName { get; set; }
    public string? Institution { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public required string Subject { get; set; }
    public string? PreferredDates { get; set; }
    public AppointmentChannel Channel { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public int? CalendarEventId { get; set; }
    /// <summary>The meeting on the calendar once scheduled.</summary>
    public CalendarEvent? Event { get; set; }
    /// <summary>Özel Kalem's evaluation note, or why the request was declined.</summary>
    public string? Note { get; set; }
    /// <summary>What was discussed and agreed at the meeting.</summary>
    public string? Outcome { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Came to the door without an appointment.</summary>
    public bool WalkIn { get; set; }
    public Guid Version { get; set; }
}

public enum MessageChannel
{
    Sms = 0,
    EPosta = 1,
}

/// <summary>One SMS or e-mail to an appointment's requester: what was sent, to whom, when, and whether it went out.</summary>
public class AppointmentMessage : IAudited
{
    public int Id { get; set; }
    public int AppointmentId { get; set; }
    public MessageChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
    public bool Sent { get; set; }
    public string? Error { get; set; }
    public string? SentBy { get; set; }
}
