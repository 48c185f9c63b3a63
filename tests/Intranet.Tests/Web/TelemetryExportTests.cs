using Bunit;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Auth;
using Intranet.Web.Components.Pages.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Intranet.Tests.Web;

/// <summary>
/// OpenTelemetry end to end: the real app exports over OTLP/HTTP to a collector on 127.0.0.1 (decoded here), and the
/// spans of a real HTTP request, the metrics of a change that reaches an open dashboard screen, and the logs of a
/// request step (carrying its number) all arrive.
/// </summary>
public sealed class TelemetryExportTests : MudComponentTest
{
    [Fact]
    public async Task Spans_metrics_and_logs_of_a_request_and_a_change_reach_the_collector()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = new IntranetWebFactory();
        app.Settings["OpenTelemetry:OtlpEndpoint"] = collector.Endpoint;

        // A real request: the dashboard page, signed in.
        var client = await app.SignedInClientAsync("demo-ozk-1");
        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        // An open screen on the app's own aggregator, as a circuit holds it.
        Services.AddSingleton(app.Services.GetRequiredService<DashboardAggregator>());
        Services.AddSingleton(app.Clock);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var screen = Render<LiveDashboard>(p => p.Add(x => x.Scope, DashboardScope.Municipality).Add(x => x.Cards, [DashboardCards.All[0]]));
        screen.WaitForAssertion(() => Assert.NotEqual("snapshot-", Shown(screen)), TimeSpan.FromSeconds(30));
        var before = Shown(screen);

        // A change: a request taken in at the call centre.
        string number;
        await using (var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync();
            var created = await scope.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(new IntakeForm
            {
                CitizenName = "Ayşe Işık", Phone = "0532 111 22 33", Text = "Sokak lambası yanmıyor.",
                NeighbourhoodId = (await db.Neighbourhoods.OrderBy(n => n.Id).FirstAsync()).Id,
                CategoryId = (await db.Categories.Where(c => c.IsActive).OrderBy(c => c.Id).FirstAsync()).Id,
            });
            number = created.Number;
        }
        screen.WaitForAssertion(() => Assert.NotEqual(before, Shown(screen)), TimeSpan.FromSeconds(30));

        // The screen records its change-to-screen time right after drawing: flush until that has gone out too.
        await Eventually.TrueAsync(() =>
        {
            app.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return collector.Metrics.Any(m => m.Name == "intranet.change_to_screen.duration");
        }, "the change-to-screen histogram", seconds: 30);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<LoggerProvider>().ForceFlush();

        var metrics = collector.Metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains("intranet.changes", metrics);
        Assert.Contains("intranet.changes.fanned_out", metrics);
        Assert.Contains("http.server.request.duration", metrics);
        Assert.Contains(collector.Spans, s => s.Scope == "Microsoft.AspNetCore" && s.Name.StartsWith("GET", StringComparison.Ordinal));
        Assert.Contains(collector.Spans, s => s.Scope == "OpenTelemetry.Instrumentation.EntityFrameworkCore");
        Assert.Contains(collector.Logs, l => l.Attributes.GetValueOrDefault("RequestNumber") == number && l.Body.StartsWith("Başvuru alındı", StringComparison.Ordinal));
    }

    private static string Shown(IRenderedComponent<LiveDashboard> screen) => screen.Find("[data-snapshot]").GetAttribute("data-snapshot") ?? "";
}
