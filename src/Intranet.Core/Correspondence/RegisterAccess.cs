using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Correspondence;

/// <summary>
/// The register belongs to Özel Kalem: it (and Admin) registers, routes and sees everything; a directorate sees the
/// documents routed to it and records what it did with them.
/// </summary>
public static class RegisterAccess
{
    public static bool CanRegister(UserContext user) => user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.MayorOffice);

    public static IQueryable<RegisterEntry> VisibleTo(this IQueryable<RegisterEntry> entries, UserContext user)
    {
        if (CanRegister(user)) return entries;
        if (user.DirectorateId is { } dir && (user.IsInRole(Roles.Director) || user.IsInRole(Roles.Staff)))
            return entries.Where(e => e.DirectorateId == dir);
        return entries.Where(_ => false);
    }

    public static bool CanComplete(UserContext user, RegisterEntry entry) =>
        CanRegister(user) || (entry.DirectorateId is { } dir && dir == user.DirectorateId && (user.IsInRole(Roles.Director) || user.IsInRole(Roles.Staff)));

    public static void DemandRegister(UserContext user)
    {
        if (!CanRegister(user)) throw new AccessDeniedException("Evrak kaydını Özel Kalem veya sistem yöneticisi yapar.");
    }

    public static void DemandRead(UserContext user)
    {
        if (!Policies.Allows(Policies.Correspondence, user)) throw new AccessDeniedException();
    }
}
