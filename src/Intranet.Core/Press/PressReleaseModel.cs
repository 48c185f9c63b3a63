using System.Globalization;
using Intranet.Core.Common;

namespace Intranet.Core.Press;

public enum PressReleaseStatus
{
    Taslak = 0,
    OnayBekliyor = 1,
    Onaylandi = 2,
    Reddedildi = 3,
    Gonderildi = 4,
}

/// <summary>
/// A basın bülteni. The press office drafts it and submits it; only the mayor's office approves it; once approved it
/// goes out by e-mail to its recipients at <see cref="PublishAt"/>. Approved text cannot change without going back to
/// draft, so what was approved is what is sent.
/// </summary>
public class PressRelease : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public PressReleaseStatus Status { get; set; }
    public DateTime? PublishAt { get; set; }
    /// <summary>Recipients (journalist ids) as ",1,4,", one audited field.</summary>
    public string RecipientIds { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    public DateTime? SentAt { get; set; }
    public int SentCount { get; set; }
    public string? SendError { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A journalist on the press office's contact list. Name, phone and e-mail are personal data (KVKK).</summary>
public class Journalist : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    public required string Outlet { get; set; }
    /// <summary>Normalised as <see cref="PhoneNumber.Normalize"/> stores it.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>",3,7," ↔ [3, 7]: the id lists stored in one column.</summary>
public static class IdList
{
    public static string? Format(IEnumerable<int> ids)
    {
        var list = ids.Distinct().Order().ToList();
        return list.Count == 0 ? null : "," + string.Join(',', list.Select(Invariant)) + ",";
    }

    public static IReadOnlyList<int> Parse(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();

    /// <summary>The LIKE pattern part that finds one id in a formatted list.</summary>
    public static string Token(int id) => "," + Invariant(id) + ",";

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}
