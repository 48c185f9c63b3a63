using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Core.Dashboard;

/// <summary>The cards a dashboard can show, and each user's choice and order of them.</summary>
public static class DashboardCards
{
    public const string PreferenceKey = "dashboard.cards";

    public sealed record Card(string Id, string Title);

    public static readonly IReadOnlyList<Card> All =
    [
        new("headline", "Özet"),
        new("neighbourhoods", "Mahallelere göre açık başvurular"),
        new("directorates", "Müdürlüklere göre açık başvurular ve çözüm süreleri"),
        new("trend", "Son dönemde gelen ve kapanan"),
        new("oldest", "En eski açık başvurular"),
        new("channels", "Kanal dağılımı"),
        new("categories", "Konu dağılımı"),
        new("events", "Bugünün etkinlikleri"),
        new("press", "Basında belediye"),
    ];

    /// <summary>The saved order with unknown ids dropped; everything when nothing was saved.</summary>
    public static IReadOnlyList<Card> Resolve(IReadOnlyList<string>? saved) =>
        saved is null ? All : saved.Select(id => All.FirstOrDefault(c => c.Id == id)).OfType<Card>().ToList();

    /// <summary>
    /// The scope a user's dashboard may show. Directors and staff are held to their directorate whatever they ask
    /// for; the mayor's office, Admin, the press office and the screening desk choose freely.
    /// </summary>
    public static DashboardScope ScopeFor(UserContext user, DashboardScope requested)
    {
        if (!Policies.Allows(Policies.Dashboard, user) && !Policies.Allows(Policies.Wall, user)) throw new AccessDeniedException();
        var free = user.SeesAllDirectorates || user.IsInRole(Roles.Press) || user.IsInRole(Roles.WallDisplay);
        return free ? requested : requested with { DirectorateId = user.DirectorateId ?? -1 };
    }
}
