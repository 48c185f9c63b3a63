using System.Security.Claims;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Auth;

/// <summary>Builds the intranet's principal for a user: name, Entra object id, roles, the AppUser id and directorate.</summary>
public sealed class UserSignIn(IDbContextFactory<IntranetDbContext> dbFactory, TimeProvider clock)
{
    public const string AuthenticationType = "Intranet";

    /// <summary>An Entra ID sign-in: the AppUser is found (or created) by object id and its roles mirror the token's app roles.</summary>
    public async Task<ClaimsPrincipal> ForEntraUserAsync(ClaimsPrincipal token, CancellationToken ct)
    {
        var objectId = token.FindFirst(IntranetClaims.ObjectId)?.Value ?? token.FindFirst(IntranetClaims.Oid)?.Value
            ?? throw new InvalidOperationException("The token carries no object id (oid) claim.");
        var roles = token.FindAll("roles").Concat(token.FindAll(ClaimTypes.Role)).Select(c => c.Value)
            .Where(Roles.All.Contains).Distinct().ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.Include(u => u.Directorate).SingleOrDefaultAsync(u => u.ObjectId == objectId, ct);
        if (user is null)
        {
            user = new AppUser { ObjectId = objectId, DisplayName = token.FindFirst("name")?.Value ?? objectId };
            db.Users.Add(user);
        }
        user.DisplayName = token.FindFirst("name")?.Value ?? user.DisplayName;
        user.Email = token.FindFirst("preferred_username")?.Value ?? user.Email;
        user.Roles = string.Join(",", roles);
        user.LastSignInAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        if (!user.IsActive) roles.Clear();
        return Build(user, roles);
    }

    /// <summary>The development sign-in: a seeded demo user, or null when there is no such active demo user.</summary>
    public async Task<ClaimsPrincipal?> ForDemoUserAsync(string objectId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.Include(u => u.Directorate)
            .SingleOrDefaultAsync(u => u.ObjectId == objectId && u.IsDemo && u.IsActive, ct);
        if (user is null) return null;
        user.LastSignInAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return Build(user, user.RoleList());
    }

    public async Task<IReadOnlyList<AppUser>> DemoUsersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Include(u => u.Directorate).Where(u => u.IsDemo && u.IsActive).ToListAsync(ct);
        return users.OrderBy(u => Roles.All.ToList().IndexOf(u.RoleList().FirstOrDefault() ?? ""))
            .ThenBy(u => u.DisplayName, TurkishText.Comparer).ToList();
    }

    internal static ClaimsPrincipal Build(AppUser user, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(AuthenticationType, "name", ClaimTypes.Role);
        identity.AddClaim(new Claim("name", user.DisplayName));
        identity.AddClaim(new Claim(IntranetClaims.ObjectId, user.ObjectId));
        identity.AddClaim(new Claim(IntranetClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.DirectorateId is { } dir)
            identity.AddClaim(new Claim(IntranetClaims.DirectorateId, dir.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.Directorate?.Name is { } dirName) identity.AddClaim(new Claim(IntranetClaims.DirectorateName, dirName));
        if (user.Directorate?.IsScreeningDesk == true) identity.AddClaim(new Claim(IntranetClaims.ScreeningDesk, "true"));
        foreach (var role in roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }
}
