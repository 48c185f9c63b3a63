using System.Net;
using Intranet.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Intranet.Tests.Web;

/// <summary>The server enforces sign-in and roles on pages and endpoints, whatever links the menu shows.</summary>
public class AuthorizationHttpTests(AuthorizationHttpTests.App app) : IClassFixture<AuthorizationHttpTests.App>
{
    public sealed class App : IntranetWebFactory;

    [Theory]
    [InlineData("/")]
    [InlineData("/yonetim/kullanicilar")]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page(string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/hesap/giris", response.Headers.Location!.PathAndQuery);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query);
    }

    [Theory]
    [InlineData("demo-fen-personel-1")]
    [InlineData("demo-fen-mudur")]
    [InlineData("demo-ozk-1")]
    public async Task A_user_without_the_admin_role_gets_403_from_an_admin_page(string objectId)
    {
        var client = await app.SignedInClientAsync(objectId);

        var response = await client.GetAsync("/yonetim/kullanicilar");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Erişim reddedildi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_reaches_the_user_administration_page()
    {
        var client = await app.SignedInClientAsync("demo-admin");

        var response = await client.GetAsync("/yonetim/kullanicilar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_turkish_shell()
    {
        var client = await app.SignedInClientAsync("demo-fen-personel-1");

        var html = await client.GetStringAsync("/");

        Assert.Contains("lang=\"tr\"", html);
        Assert.Contains("Gösterge Paneli", html);
        Assert.Contains("Başvurular", html);
        Assert.DoesNotContain("/yonetim/kullanicilar", html);
    }

    [Fact]
    public async Task The_development_sign_in_refuses_an_unknown_user()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("nobody"));
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_rejects_a_post_without_its_antiforgery_token()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/hesap/demo-giris",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["objectId"] = "demo-admin" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_checks_the_database()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
