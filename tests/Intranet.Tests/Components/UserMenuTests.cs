using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Web.Components.Layout;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Components;

public class UserMenuTests : MudComponentTest
{
    [Fact]
    public void Shows_the_signed_in_name_and_offers_sign_out_with_an_antiforgery_token()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Gülşen Işık");
        auth.SetClaims(new Claim("name", "Gülşen Işık"), new Claim(IntranetClaims.DirectorateName, "Fen İşleri Müdürlüğü"));
        auth.SetRoles(Roles.Director);

        var menu = Render<UserMenu>();

        Assert.Contains("Gülşen Işık", menu.Markup);
        var button = menu.Find("[data-testid=user-menu] > button");
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Empty(menu.FindAll("#user-menu-panel"));

        button.Click();

        Assert.Equal("true", menu.Find("[data-testid=user-menu] > button").GetAttribute("aria-expanded"));
        Assert.Contains("Müdür", menu.Find("[data-testid=user-summary]").TextContent);
        var form = menu.Find("#user-menu-panel form");
        Assert.Equal("/hesap/cikis", form.GetAttribute("action"));
        Assert.Contains("Oturumu kapat", form.QuerySelector("button[type=submit]")!.TextContent);

        // Escape closes the panel (and gives the focus back to the button).
        menu.Find("[data-testid=user-menu]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(menu.FindAll("#user-menu-panel"));
    }

    [Fact]
    public void Renders_nothing_for_an_anonymous_visitor()
    {
        AddAuthorization().SetNotAuthorized();

        var menu = Render<UserMenu>();

        Assert.Empty(menu.Markup.Trim());
    }
}
