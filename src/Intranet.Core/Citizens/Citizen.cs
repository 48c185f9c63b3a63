using Intranet.Core.Common;

namespace Intranet.Core.Citizens;

/// <summary>A citizen who applied. Name, phone, e-mail and TC kimlik no are personal data under KVKK.</summary>
public class Citizen : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    /// <summary>Normalised by <see cref="PhoneNumber.Normalize"/> so the call centre finds the caller by number.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? TcKimlikNo { get; set; }
    public int? NeighbourhoodId { get; set; }
    public string? Address { get; set; }
    /// <summary>Set when the retention rule anonymised this record; the requests stay for statistics.</summary>
    public DateTime? AnonymizedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }
}
