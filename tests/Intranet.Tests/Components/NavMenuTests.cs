using Bunit;
using Bunit.TestDoubles;
using Intranet.Core.Organization;
using Intranet.Web.Components.Layout;
using Intranet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public void The_most_specific_entry_of_the_address_is_marked_current_and_follows_navigation()
    {
        var menu = RenderAs(Roles.Staff);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/basvurular/istatistik");
        menu.WaitForAssertion(() =>
            Assert.Equal(["/basvurular/istatistik"], menu.FindAll("a[aria-current=page]").Select(a => a.GetAttribute("href"))));

        navigation.NavigateTo("/basvurular");
        menu.WaitForAssertion(() =>
            Assert.Equal(["/basvurular"], menu.FindAll("a[aria-current=page]").Select(a => a.GetAttribute("href"))));

        navigation.NavigateTo("/basvurular/12");  // a request's page is under the list, which matches only itself
        menu.WaitForAssertion(() => Assert.Empty(menu.FindAll("a[aria-current=page]")));
    }

    [Fact]
    public void The_muhtar_group_opens_and_closes_with_its_button()
    {
        var menu = RenderAs(Roles.Staff);
        var toggle = menu.Find("button[aria-controls=nav-group-muhtars]");

        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.DoesNotContain(menu.FindAll("a"), a => a.GetAttribute("href") == "/muhtarlar");

        toggle.Click();

        Assert.Equal("true", menu.Find("button[aria-controls=nav-group-muhtars]").GetAttribute("aria-expanded"));
        Assert.Contains(menu.FindAll("#nav-group-muhtars a"), a => a.GetAttribute("href") == "/muhtarlar");
    }
}
