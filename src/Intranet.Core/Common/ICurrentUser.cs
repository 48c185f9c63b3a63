using System.Security.Claims;
using Intranet.Core.Organization;

namespace Intranet.Core.Common;

/// <summary>Claim types the app adds to a signed-in principal (see the web app's claims transformation).</summary>
public static class IntranetClaims
{
    public const string UserId = "intranet/uid";
    public const string DirectorateId = "intranet/dir";
    public const string ScreeningDesk = "intranet/screening";
    public const string DirectorateName = "intranet/dirname";
    /// <summary>Set when a wall screen signed in with a device token: the token id, checked for revocation.</summary>
    public const string DeviceTokenId = "intranet/device";
    /// <summary>Entra ID object id, as Microsoft.Identity.Web maps it, and the raw short form.</summary>
    public const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string Oid = "oid";
}

/// <summary>Who is acting: the signed-in user of the request or circuit, or the system for background work.</summary>
public sealed record UserContext(int? UserId, string? ObjectId, string Name, IReadOnlySet<string> Roles, int? DirectorateId, bool IsScreeningDesk, bool IsSystem = false)
{
    public static readonly UserContext System = new(null, null, "Sistem", new HashSet<string>(), null, false, IsSystem: true);
    public static readonly UserContext Anonymous = new(null, null, "Anonim", new HashSet<string>(), null, false);

    public bool IsAuthenticated => IsSystem || UserId is not null;
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Sees and edits every directorate's requests: the mayor's office, Admin, the screening desk, background jobs.</summary>
    public bool SeesAllDirectorates => IsSystem || IsInRole(Organization.Roles.Admin) || IsInRole(Organization.Roles.MayorOffice) || IsScreeningDesk;

    public static UserContext FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Anonymous;
        var roles = principal.FindAll(principal.Identities.First().RoleClaimType).Select(c => c.Value)
            .Concat(principal.FindAll(ClaimTypes.Role).Select(c => c.Value))
            .Concat(principal.FindAll("roles").Select(c => c.Value))
            .ToHashSet(StringComparer.Ordinal);
        return new UserContext(
            int.TryParse(principal.FindFirst(IntranetClaims.UserId)?.Value, out var uid) ? uid : null,
            principal.FindFirst(IntranetClaims.ObjectId)?.Value ?? principal.FindFirst(IntranetClaims.Oid)?.Value,
            principal.FindFirst("name")?.Value ?? principal.Identity?.Name ?? "?",
            roles,
            int.TryParse(principal.FindFirst(IntranetClaims.DirectorateId)?.Value, out var dir) ? dir : null,
            principal.HasClaim(IntranetClaims.ScreeningDesk, "true"));
    }
}

/// <summary>The acting user, resolved per DI scope (an HTTP request or a Blazor circuit).</summary>
public interface ICurrentUser
{
    UserContext User { get; }
}

/// <summary>A fixed user: background services (<see cref="UserContext.System"/>), design-time tools and tests.</summary>
public sealed class FixedCurrentUser(UserContext user) : ICurrentUser
{
    public UserContext User { get; } = user;
}
