using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Calendar;

/// <summary>
/// A private iCalendar subscription: a person's link (Outlook, a phone) to the part of the calendar they chose. Only
/// the SHA-256 of the link's secret is stored; the events are those the owner may see, read at each fetch.
/// </summary>
public class CalendarFeed : IVersioned, IAudited
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>Only events the mayor attends (the mayor's programme).</summary>
    public bool MayorOnly { get; set; }
    public int? DirectorateId { get; set; }
    /// <summary>Comma-separated <see cref="EventType"/> numbers; empty for every type.</summary>
    public string? Types { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public Guid Version { get; set; }

    public CalendarFilter Filter => new(DirectorateId, CalendarFilter.ParseTypes(Types), MayorOnly);
}

/// <summary>What part of the calendar to show: one directorate, some types, the mayor's programme. Empty means everything.</summary>
public sealed record CalendarFilter(int? DirectorateId = null, IReadOnlyList<EventType>? Types = null, bool MayorOnly = false)
{
    public static readonly CalendarFilter All = new();

    public string? TypesText => Types is { Count: > 0 } t ? string.Join(",", t.Select(x => (int)x)) : null;

    public static IReadOnlyList<EventType>? ParseTypes(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, out var n) && Enum.IsDefined((EventType)n) ? (EventType?)n : null)
                .OfType<EventType>().Distinct().ToList();
}
