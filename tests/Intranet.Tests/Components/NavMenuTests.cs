using Bunit;
using Bunit.TestDoubles;
using Intranet.Core.Organization;
using Intranet.Web.Components.Layout;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Components;

public class NavMenuTests : MudComponentTest
{
    private IRenderedComponent<NavMenu> RenderAs(params string[] roles)
    {
        // bunit's fake authorization grants the policies it is told; tell it the ones these roles have.
        var auth = AddAuthorization();
        auth.SetAuthorized("Deneme Kullanıcı");
        auth.SetRoles(roles);
        auth.SetPolicies(Policies.RolesFor.Where(p => p.Value.Any(roles.Contains)).Select(p => p.Key).ToArray());
        return Render<NavMenu>();
    }

    [Fact]
    public void Staff_see_their_sections_but_not_administration()
    {
        var menu = RenderAs(Roles.Staff);

        var links = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Gösterge Paneli", links);
        Assert.Contains("Başvurular", links);
        Assert.Contains("Takvim", links);
        Assert.DoesNotContain("Kullanıcılar", links);
        Assert.DoesNotContain("Basın", links);
        Assert.DoesNotContain("Duvar Ekranı", links);
        Assert.DoesNotContain("Randevular", links);
    }

    [Fact]
    public void The_mayors_office_sees_the_appointments()
    {
        var links = RenderAs(Roles.MayorOffice).FindAll("a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Contains("Randevular", links);
        Assert.Contains("Aylık program", links);
    }

    [Fact]
    public void Admin_sees_administration()
    {
        var menu = RenderAs(Roles.Admin);

        Assert.Contains(menu.FindAll("a"), a => a.GetAttribute("href") == "/yonetim/kullanicilar");
    }

    [Fact]
    public void The_wall_display_device_account_sees_only_the_wall_screen()
    {
        var links = RenderAs(Roles.WallDisplay).FindAll("a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["Duvar Ekranı"], links);
    }

    [Fact]
    public void The_press_office_sees_press_and_calendar_but_not_requests()
    {
        var links = RenderAs(Roles.Press).FindAll("a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Contains("Basın", links);
        Assert.Contains("Takvim", links);
        Assert.DoesNotContain("Başvurular", links);
        Assert.DoesNotContain("Performans", links);
    }
}
