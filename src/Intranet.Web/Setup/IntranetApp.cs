using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Web.Auth;
using Intranet.Web.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Intranet.Web.Setup;

/// <summary>The composition root: every service the app has, and its request pipeline, in one place.</summary>
public static class IntranetApp
{
    public static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    public static WebApplicationBuilder AddIntranet(this WebApplicationBuilder builder)
    {
        // tr-TR is the culture of every thread, so circuits, background jobs and exports format alike.
        CultureInfo.DefaultThreadCurrentCulture = Turkish;
        CultureInfo.DefaultThreadCurrentUICulture = Turkish;

        var services = builder.Services;
        // Turkish letters go out as they are (the default encoder would write "ş" as "&#x15F;").
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        // Several instances behind a load balancer must read each other's cookies: one key folder for all.
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Belediye.Intranet");
        services.AddScoped<WebCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<WebCurrentUser>());
        services.AddIntranetAuthentication(builder.Configuration, builder.Environment);
        services.AddIntranetDatabase(builder.Configuration);
        services.AddIntranetHealthChecks(builder.Configuration);
        builder.AddIntranetTelemetry();

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<UserAdminService>();
        if (builder.Configuration["Realtime:Redis"] is { Length: > 0 } redis)
            services.AddSingleton<IChangeFeed>(sp => new RedisChangeFeed(redis, sp.GetRequiredService<ILogger<RedisChangeFeed>>(), sp.GetRequiredService<TimeProvider>()));
        else
            services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.AddSingleton(builder.Configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions());
        services.AddSingleton(DashboardAggregator.Create);
        services.AddScoped<DashboardQueries>();
        services.AddScoped<UserPreferences>();
        services.AddScoped<DeviceTokenService>();
        services.AddScoped<WallFeed>();
        services.AddSingleton(sp => WorkingCalendarProvider.FromDatabase(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton(new DeadlineOptions(builder.Configuration.GetValue("Requests:CimerWorkingDays", 15)));
        services.AddScoped<RequestQueries>();
        services.AddScoped<RequestService>();
        services.AddScoped<RequestDetails>();
        services.AddScoped<SavedFilterService>();
        services.AddScoped<HolidayAdminService>();
        services.AddScoped<Intranet.Core.Citizens.CitizenRetention>();
        if (builder.Configuration.GetValue("Kvkk:RetentionEnabled", true)) services.AddHostedService<RetentionWorker>();
        services.AddScoped<UserSignIn>();
        services.AddMessagingAndEscalation(builder.Configuration, builder.Environment);
        services.AddRequestStatistics();
        services.AddCalendar();
        services.AddRequestsBulk();
        services.AddRequestsHandoff(builder.Configuration);
        services.AddMuhtars(builder.Configuration);
        services.AddPerformance(builder.Configuration);
        services.AddPress(builder.Configuration);
        return builder;
    }

    public static WebApplication UseIntranet(this WebApplication app)
    {
        // No page of the intranet may be framed by another site (clickjacking). Blazor sets this itself only while it
        // compresses its WebSockets, which is off by default here (see below), so the app sets it for every response.
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/hata", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/hata/{0}", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Turkish),
            SupportedCultures = [Turkish],
            SupportedUICultures = [Turkish],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapIntranetHealthChecks();
        app.MapIntranetMetrics();
        app.MapAccountEndpoints();
        app.MapRequestEndpoints();
        app.MapRequestExports();
        app.MapRequestsHandoff();
        app.MapMuhtarEndpoints();
        app.MapPerformanceEndpoints();
        app.MapBenchEndpoints();
        app.MapCalendarEndpoints();
        app.MapPressEndpoints();
        // WebSocket compression (permessage-deflate) costs the server a deflate of every render batch for every open
        // screen: with hundreds of live dashboards it was ~9 % of the CPU of a change's fan-out. On the municipality's
        // LAN a change is a few KB per screen, so it is off unless Realtime:WebSocketCompression turns it on (a remote
        // site on a slow link).
        var compress = app.Configuration.GetValue("Realtime:WebSocketCompression", false);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o =>
        {
            o.DisableWebSocketCompression = !compress;
            o.ContentSecurityFrameAncestorsPolicy = null; // set above for every response
        });
        return app;
    }
}
