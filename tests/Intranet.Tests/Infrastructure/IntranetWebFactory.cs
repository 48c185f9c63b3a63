using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// The real app on its own SQLite file with a small demo municipality, in the Testing environment (so the
/// development sign-in exists). <see cref="StartOnLoopback"/> serves it through Kestrel on 127.0.0.1 for a browser.
/// Its clock is <see cref="RunningTestClock"/>: the demo data and every date the app shows are set on the suite's day,
/// whatever day the tests run; a test reads "now" from <see cref="Clock"/>.
/// </summary>
public partial class IntranetWebFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    /// <param name="databasePath">Share one SQLite file between instances (a restart, a second server); the first owns it.</param>
    public IntranetWebFactory(string? databasePath = null)
    {
        _ownsDatabase = databasePath is null;
        _databasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"intranet-test-{Guid.NewGuid():N}.db");
    }

    /// <summary>Extra settings for one test class (key → value), applied over appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DemoRequestCount"] = "400",
        ["Database:SeedDemoData"] = "true",
        // The deadline sweep would escalate the demo's overdue requests in the background; tests that want it run it.
        ["Escalation:Enabled"] = "false",
    };

    /// <summary>The app's clock: the suite's pinned day, running on.</summary>
    public TimeProvider Clock => RunningTestClock.Shared;

    /// <summary>A context on the app's database and clock, acting as <paramref name="user"/> (the system by default), for a test's own reads and set-up.</summary>
    public IntranetDbContext Database(UserContext? user = null) =>
        new(Services.GetRequiredService<DbContextOptions<IntranetDbContext>>(), new FixedCurrentUser(user ?? UserContext.System), Clock);

    /// <summary>Starts Kestrel on 127.0.0.1 (a free port, or the given one) and returns the address a browser can open.</summary>
    public string StartOnLoopback(int port = 0)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        return ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework's and MudBlazor's static files come from the build's manifest only
        // when asked for, as a published app has them in wwwroot.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Intranet", $"Data Source={_databasePath}");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // Whatever the machine has configured, tests use the development sign-in.
        builder.UseSetting("AzureAd:ClientId", "");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(RunningTestClock.Shared);
        });
    }

    /// <summary>An HTTP client signed in through the development sign-in as the demo user with this object id.</summary>
    public async Task<HttpClient> SignedInClientAsync(string objectId)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/hesap/giris");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/hesap/demo-giris", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["objectId"] = objectId,
            ["returnUrl"] = "/",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Sign-in as {objectId} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsDatabase) return;
        foreach (var suffix in new[] { "", "-shm", "-wal" })
            try { File.Delete(_databasePath + suffix); } catch (IOException) { /* still open on a slow shutdown: temp folder */ }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
