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
    }

    [Fact]
    public void Renders_nothing_for_an_anonymous_visitor()
    {
        AddAuthorization().SetNotAuthorized();

        var menu = Render<UserMenu>();

        Assert.Empty(menu.Markup.Trim());
    }
}
