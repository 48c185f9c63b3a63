using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>Settings of the muhtar feature (config section <c>Muhtar</c>).</summary>
public sealed record MuhtarOptions
{
    public const string Section = "Muhtar";

    /// <summary>The code of the Muhtarlık İşleri directorate, whose people manage muhtars with Özel Kalem.</summary>
    public string DirectorateCode { get; init; } = "MUHT";
}

/// <summary>
/// Who may do what with muhtars, visits and announcements. Every role of <see cref="Policies.Muhtars"/> reads them
/// (a directorate also writes the follow-up report asked of it); managing them is for Admin, Özel Kalem
/// (MayorOffice) and the Director and Staff of Muhtarlık İşleri.
/// </summary>
public static class MuhtarAccess
{
    public static bool CanRead(UserContext user) => Policies.Allows(Policies.Muhtars, user);

    public static bool CanManage(UserContext user, int? muhtarlikDirectorateId) =>
        user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.MayorOffice)
        || (muhtarlikDirectorateId is { } dir && user.DirectorateId == dir
            && (user.IsInRole(Roles.Director) || user.IsInRole(Roles.Staff)));

    public static async Task<bool> CanManageAsync(IntranetDbContext db, UserContext user, MuhtarOptions options, CancellationToken ct)
    {
        if (CanManage(user, null)) return true;
        if (user.DirectorateId is null) return false;
        var id = await db.Directorates.Where(d => d.Code == options.DirectorateCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        return CanManage(user, id);
    }

    public static void DemandRead(UserContext user)
    {
        if (!CanRead(user)) throw new AccessDeniedException();
    }

    public static async Task DemandManageAsync(IntranetDbContext db, UserContext user, MuhtarOptions options, CancellationToken ct)
    {
        if (!await CanManageAsync(db, user, options, ct))
            throw new AccessDeniedException("Bu işlemi Muhtarlık İşleri, Özel Kalem veya sistem yöneticisi yapabilir.");
    }
}
