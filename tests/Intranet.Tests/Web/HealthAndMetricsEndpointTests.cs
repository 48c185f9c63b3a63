using System.Net;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Setup;

namespace Intranet.Tests.Web;

/// <summary>
/// Liveness and readiness are separate (a load balancer stops sending users to a server whose database is gone, an
/// orchestrator restarts only a server that stopped answering), /healthz stays readiness for the wall screen, and the
/// Prometheus endpoint exists only when turned on, for loopback and the configured networks.
/// </summary>
public class HealthAndMetricsEndpointTests
{
    private sealed class UnreachableDatabase : IntranetWebFactory
    {
        public UnreachableDatabase()
        {
            Settings["Database:MigrateOnStartup"] = "false";
            Settings["Database:SeedDemoData"] = "false";
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Intranet", $"Data Source={Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.db")};Mode=ReadOnly");
        }
    }

    [Fact]
    public async Task Without_its_database_a_server_is_alive_but_not_ready()
    {
        await using var app = new UnreachableDatabase();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Redis_that_does_not_answer_makes_readiness_degraded_not_failed()
    {
        await using var app = EmptyApp();
        app.Settings["Realtime:Redis"] = $"127.0.0.1:{FreePort()},connectTimeout=200";
        var client = app.CreateClient();

        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/healthz/live")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_metrics_endpoint_is_off_by_default()
    {
        await using var app = EmptyApp();
        var client = app.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_turned_on_the_metrics_endpoint_answers_loopback_and_refuses_others()
    {
        await using var app = EmptyApp();
        app.Settings["OpenTelemetry:PrometheusEnabled"] = "true";
        var address = app.StartOnLoopback();
        using var loopback = new HttpClient { BaseAddress = new Uri(address) };
        await loopback.GetAsync("/hesap/giris"); // something to count

        var scraped = await loopback.GetStringAsync("/metrics");

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scraped);
        // The in-memory test server gives no remote address: neither loopback nor an allowed network.
        await using var inMemory = EmptyApp();
        inMemory.Settings["OpenTelemetry:PrometheusEnabled"] = "true";
        Assert.Equal(HttpStatusCode.Forbidden, (await inMemory.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    /// <summary>An app with no demo data: these checks need none, and seeding would only slow them.</summary>
    private static IntranetWebFactory EmptyApp()
    {
        var app = new IntranetWebFactory();
        app.Settings["Database:SeedDemoData"] = "false";
        return app;
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.5.7", true)]
    [InlineData("10.0.6.7", false)]
    [InlineData("192.168.1.20", false)]
    public void Scrapers_are_loopback_or_a_configured_network(string address, bool allowed) =>
        Assert.Equal(allowed, new ScraperAccess(["10.0.5.0/24"]).Allows(IPAddress.Parse(address)));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
