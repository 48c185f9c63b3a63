using Intranet.Core.Common;

namespace Intranet.Core.Organization;

/// <summary>
/// A person who signs in. Keyed by the Entra ID object id ("oid" claim); roles come from the token's app roles,
/// the directorate from this table (maintained by Admin), because Entra ID does not know the municipality's units.
/// </summary>
public class AppUser : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string ObjectId { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    /// <summary>Comma-separated role names. For Entra ID users this mirrors the token at each sign-in; for demo users it is the source.</summary>
    public string Roles { get; set; } = "";
    public int? DirectorateId { get; set; }
    public Directorate? Directorate { get; set; }
    /// <summary>Seeded demo accounts, offered by the development sign-in only.</summary>
    public bool IsDemo { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? LastSignInAt { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<string> RoleList() =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
