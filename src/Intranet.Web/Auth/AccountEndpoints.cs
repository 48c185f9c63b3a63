using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Intranet.Core.Common;
using Intranet.Core.Organization;
using Microsoft.AspNetCore.Antiforgery;

namespace Intranet.Web.Auth;

/// <summary>Sign-in and sign-out endpoints (Microsoft.Identity.Web.UI is not available here, and these are a few lines).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<SignInMode>();
        var account = app.MapGroup("/hesap");

        // Starts whichever sign-in this process has; Blazor's "not signed in" view sends people here.
        account.MapGet("/oturum-ac", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) })).AllowAnonymous();

        // A wall screen opens its device link once; the cookie then lasts a year unless Admin revokes the token.
        app.MapGet("/wall/baglan", async (HttpContext context, DeviceTokenService tokens, TimeProvider clock, string? anahtar) =>
        {
            if (await tokens.SignInAsync(anahtar, context.RequestAborted) is not { } device)
                return Results.Content("<!DOCTYPE html><html lang=\"tr\"><body><h1>Geçersiz cihaz anahtarı</h1><p>Bu bağlantı iptal edilmiş ya da hatalı. Sistem yöneticisinden yeni bir bağlantı isteyin.</p></body></html>",
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            var principal = UserSignIn.Build(device.User, device.User.RoleList());
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(
                IntranetClaims.DeviceTokenId, device.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
                new AuthenticationProperties { IsPersistent = true, ExpiresUtc = clock.GetUtcNow().AddDays(365), AllowRefresh = true });
            return Results.LocalRedirect("/wall");
        }).AllowAnonymous();

        account.MapPost("/cikis", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest(InvalidForm);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (mode.EntraId)
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
            return Results.LocalRedirect(AuthenticationSetup.SignInPath);
        }).DisableAntiforgery();

        if (mode.EntraId) return;

        // Development sign-in: registered only when Entra ID is not configured (and start-up refuses Production then).
        account.MapPost("/demo-giris", async (HttpContext context, UserSignIn signIn, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest(InvalidForm);
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var principal = await signIn.ForDemoUserAsync(form["objectId"].ToString(), context.RequestAborted);
            if (principal is null) return Results.LocalRedirect($"{AuthenticationSetup.SignInPath}?hata=1");
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return Results.LocalRedirect(SafeReturnUrl(form["returnUrl"]));
        }).AllowAnonymous().DisableAntiforgery();
    }

    // Validated by hand, not by the antiforgery middleware: a bad token is a plain 400 with a Turkish message
    // rather than an exception that the error page would trip over again when it re-reads the form.
    private const string InvalidForm = "Form süresi dolmuş veya geçersiz. Sayfayı yenileyip tekrar deneyin.";

    /// <summary>Only local paths, so a crafted link cannot bounce a signed-in user to another site.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
}
