namespace Intranet.Core.Organization;

/// <summary>
/// Authorization policies by what a person does. The web app registers each as "any of these roles"; services check
/// the same role sets, so a page, an endpoint and a service agree on who may act.
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Dashboard = nameof(Dashboard);
    public const string Requests = nameof(Requests);
    public const string Press = nameof(Press);
    public const string Calendar = nameof(Calendar);
    public const string Performance = nameof(Performance);
    public const string Wall = nameof(Wall);
    /// <summary>The mayor's appointment requests (randevu): names and phone numbers of citizens, kept to Özel Kalem.</summary>
    public const string Appointments = nameof(Appointments);
    /// <summary>Muhtars, neighbourhood pages and visits: everyone reads; managing is narrowed further by MuhtarAccess.</summary>
    public const string Muhtars = nameof(Muhtars);
    /// <summary>The correspondence register: Özel Kalem and Admin all of it, a directorate what was routed to it.</summary>
    public const string Correspondence = nameof(Correspondence);
    public const string SisterCities = nameof(SisterCities);

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [Dashboard] = [Roles.Admin, Roles.MayorOffice, Roles.Director, Roles.Staff, Roles.Press],
        [Requests] = [Roles.Admin, Roles.MayorOffice, Roles.Director, Roles.Staff],
        [Press] = [Roles.Admin, Roles.MayorOffice, Roles.Press],
        [Calendar] = [Roles.Admin, Roles.MayorOffice, Roles.Director, Roles.Staff, Roles.Press],
        [Performance] = [Roles.Admin, Roles.MayorOffice, Roles.Director, Roles.Staff],
        [Wall] = [Roles.Admin, Roles.MayorOffice, Roles.WallDisplay],
        [Appointments] = [Roles.Admin, Roles.MayorOffice],
        [Muhtars] = [Roles.Admin, Roles.MayorOffice, Roles.Director, Roles.Staff],
        [Correspondence] = [Roles.Admin, Roles.MayorOffice, Roles.Director, Roles.Staff],
        [SisterCities] = [Roles.Admin, Roles.MayorOffice],
    };

    public static bool Allows(string policy, Common.UserContext user) =>
        user.IsSystem || RolesFor[policy].Any(user.IsInRole);
}
