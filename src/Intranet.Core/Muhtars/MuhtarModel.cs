using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Muhtars;

/// <summary>
/// A muhtar for one term of office in one mahalle. A mahalle keeps its past muhtars, so requests, documents and
/// visits stay on the timeline of the muhtar of their day; the current one is the term that covers today.
/// </summary>
public class Muhtar : IVersioned, IAudited
{
    public int Id { get; set; }
    public int NeighbourhoodId { get; set; }
    public Neighbourhood? Neighbourhood { get; set; }
    public required string FullName { get; set; }
    /// <summary>Normalised "05321234567" (<see cref="PhoneNumber.Normalize"/>).</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? OfficeAddress { get; set; }
    public DateOnly TermStart { get; set; }
    /// <summary>Null while in office with no known end.</summary>
    public DateOnly? TermEnd { get; set; }
    public string? Notes { get; set; }
    public List<MuhtarMember> Members { get; set; } = [];
    public Guid Version { get; set; }

    public bool IsInOfficeOn(DateOnly day) => TermStart <= day && (TermEnd is null || TermEnd >= day);
}

/// <summary>A member (aza) of the muhtar's council of elders (ihtiyar heyeti), by seat.</summary>
public class MuhtarMember : IVersioned, IAudited
{
    public int Id { get; set; }
    public int MuhtarId { get; set; }
    /// <summary>1. aza, 2. aza …</summary>
    public int Seat { get; set; }
    public required string FullName { get; set; }
    public string? Phone { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Kinds of entries on a muhtar's contact timeline; only some are typed in, the rest come from their own records.</summary>
public enum ContactKind
{
    Telefon = 0,
    Gorusme = 1,
    Ziyaret = 2,
    Toplanti = 3,
    Talep = 4,
    Evrak = 5,
    Duyuru = 6,
    Diger = 7,
}

/// <summary>A contact recorded by hand: a call, an office meeting. Visits, requests, documents and announcements are not copied here.</summary>
public class MuhtarContact : IVersioned, IAudited
{
    public int Id { get; set; }
    public int MuhtarId { get; set; }
    public ContactKind Kind { get; set; }
    public DateTime At { get; set; }
    public required string Subject { get; set; }
    public string? Notes { get; set; }
    public required string RecordedBy { get; set; }
    public Guid Version { get; set; }
}

public static class ContactKindText
{
    public static string Name(this ContactKind kind) => kind switch
    {
        ContactKind.Telefon => "Telefon görüşmesi",
        ContactKind.Gorusme => "Yüz yüze görüşme",
        ContactKind.Ziyaret => "Mahalle ziyareti",
        ContactKind.Toplanti => "Muhtar toplantısı",
        ContactKind.Talep => "Başvuru",
        ContactKind.Evrak => "Resmî yazı",
        ContactKind.Duyuru => "Duyuru",
        ContactKind.Diger => "Diğer",
        _ => kind.ToString(),
    };

    /// <summary>The kinds a person records by hand; the others come from visits, requests, the register and announcements.</summary>
    public static readonly ContactKind[] Manual = [ContactKind.Telefon, ContactKind.Gorusme, ContactKind.Diger];
}
