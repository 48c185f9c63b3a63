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
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public bool AllDay { get; set; }
    public bool IsPublic { get; set; } = true;
    public bool MayorAttends { get; set; }
    public string? ProtocolNotes { get; set; }
    public string? Guests { get; set; }
    /// <summary>RFC 5545 RRULE text for recurring events (weekly muhtar meetings, monthly council).</summary>
    public string? RecurrenceRule { get; set; }
    public Guid Version { get; set; }
}

public enum AppointmentStatus
{
    Bekliyor = 0,
    Planlandi = 1,
    Gorusuldu = 2,
    Reddedildi = 3,
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
    public int Channel { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public int? CalendarEventId { get; set; }
    public string? Outcome { get; set; }
    public Guid Version { get; set; }
}
