using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

/// <summary>
/// Who does what with the performance programme. Strateji Geliştirme (the directorate with code
/// <see cref="StrategyDirectorateCode"/>) and Admin maintain the structure; the owning directorate's staff and
/// director enter actuals; its director (or Admin) approves and reopens; the mayor's office, Admin and Strateji
/// Geliştirme read every directorate, everyone else with the Performance policy their own.
/// </summary>
public static class PerformancePermissions
{
    public const string StrategyDirectorateCode = "STRAT";

    public static bool CanRead(UserContext user) => Policies.Allows(Policies.Performance, user);

    private static bool WorksIn(UserContext user, int? directorateId) =>
        directorateId is { } d && user.DirectorateId == d && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Director));

    public static bool SeesAll(UserContext user, int? strategyDirectorateId) =>
        user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.MayorOffice) || WorksIn(user, strategyDirectorateId);

    public static bool CanSee(UserContext user, int? strategyDirectorateId, int indicatorDirectorateId) =>
        CanRead(user) && (SeesAll(user, strategyDirectorateId) || user.DirectorateId == indicatorDirectorateId);

    public static bool CanEditStructure(UserContext user, int? strategyDirectorateId) =>
        user.IsSystem || user.IsInRole(Roles.Admin) || WorksIn(user, strategyDirectorateId);

    public static bool CanEnter(UserContext user, int indicatorDirectorateId) => WorksIn(user, indicatorDirectorateId);

    public static bool CanApprove(UserContext user, int indicatorDirectorateId) =>
        user.IsInRole(Roles.Admin) || (user.DirectorateId == indicatorDirectorateId && user.IsInRole(Roles.Director));

    /// <summary>The id of Strateji Geliştirme, found by its code; null when the municipality has no such directorate.</summary>
    public static Task<int?> StrategyDirectorateIdAsync(IntranetDbContext db, CancellationToken ct) =>
        db.Directorates.AsNoTracking().Where(d => d.Code == StrategyDirectorateCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
}
