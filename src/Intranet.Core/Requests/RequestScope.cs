using Intranet.Core.Common;

namespace Intranet.Core.Requests;

/// <summary>
/// Which requests a user may see: Staff and Directors only their directorate's; the mayor's office, Admin, the
/// screening desk and the system all of them. Every request query goes through here, so the rule lives in one place.
/// </summary>
public static class RequestScope
{
    public static IQueryable<Request> VisibleTo(this IQueryable<Request> requests, UserContext user)
    {
        if (user.SeesAllDirectorates) return requests;
        if (OwnDirectorate(user) is { } dir) return requests.Where(r => r.DirectorateId == dir);
        return requests.Where(_ => false);
    }

    /// <summary>The one directorate a Staff or Director user is held to; null for everyone else.</summary>
    public static int? OwnDirectorate(UserContext user) =>
        !user.SeesAllDirectorates && user.DirectorateId is { } dir && (user.IsInRole(Organization.Roles.Director) || user.IsInRole(Organization.Roles.Staff))
            ? dir : null;
}
