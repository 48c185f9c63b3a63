using Intranet.Core.Common;
using Intranet.Core.Organization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace Intranet.Web.Auth;

/// <summary>
/// Entra ID (OpenID Connect through Microsoft.Identity.Web) when an <c>AzureAd</c> section names a tenant and a client;
/// otherwise, outside Production only, a development sign-in that picks a seeded demo user.
/// </summary>
public static class AuthenticationSetup
{
    public const string SignInPath = "/hesap/giris";

    public static bool EntraIdConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]) && !string.IsNullOrWhiteSpace(configuration["AzureAd:TenantId"]);

    public static IServiceCollection AddIntranetAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var entra = EntraIdConfigured(configuration);
        services.AddSingleton(new SignInMode(entra));
        if (entra)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                var inner = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await inner(context);
                    // Replace the token's identity with the intranet's: app roles plus the directorate from AppUser.
                    var signIn = context.HttpContext.RequestServices.GetRequiredService<UserSignIn>();
                    context.Principal = await signIn.ForEntraUserAsync(context.Principal!, context.HttpContext.RequestAborted);
                };
            });
        }
        else
        {
            if (environment.IsProduction())
                throw new InvalidOperationException(
                    "Entra ID yapılandırılmamış: Production ortamında AzureAd:TenantId ve AzureAd:ClientId zorunludur " +
                    "(Entra ID is not configured: set AzureAd:TenantId and AzureAd:ClientId; the development sign-in never runs in Production).");
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        }

        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.Cookie.Name = "intranet.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            // A signed-in user without the right role gets a real 403 (rendered by the status-code page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // A wall screen's cookie is only as good as its device token: revoked by Admin, it stops working.
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.FindFirst(IntranetClaims.DeviceTokenId)?.Value is not { } tokenId) return;
                var tokens = context.HttpContext.RequestServices.GetRequiredService<DeviceTokenService>();
                if (!int.TryParse(tokenId, out var id) || !await tokens.IsActiveAsync(id, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
        });

        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.RolesFor)
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        });
        services.AddCascadingAuthenticationState();
        return services;
    }
}

/// <summary>Which sign-in this process offers; the development sign-in page exists only when <see cref="EntraId"/> is false.</summary>
public sealed record SignInMode(bool EntraId);
