using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Web.Auth;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace Intranet.Web.Setup;

/// <summary>
/// The <c>OpenTelemetry</c> settings. OTLP export is on when <see cref="OtlpEndpoint"/> or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the Prometheus endpoint only when <see cref="PrometheusEnabled"/>.
/// With neither, nothing is collected at all.
/// </summary>
public sealed record TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's base address (e.g. <c>http://otel01:4318</c>); /v1/traces, /v1/metrics, /v1/logs are added.</summary>
    public string? OtlpEndpoint { get; init; }
    /// <summary><c>http/protobuf</c> (port 4318, the default) or <c>grpc</c> (port 4317).</summary>
    public string OtlpProtocol { get; init; } = "http/protobuf";
    public string ServiceName { get; init; } = "belediye-intranet";
    public bool PrometheusEnabled { get; init; }
    public string PrometheusPath { get; init; } = "/metrics";
    /// <summary>Networks besides loopback that may scrape, in CIDR form (<c>10.0.5.0/24</c>).</summary>
    public string[] PrometheusAllowedNetworks { get; init; } = [];
    /// <summary>How often the outbox backlog gauges are read from the database.</summary>
    public int BacklogIntervalSeconds { get; init; } = 60;
    /// <summary>Set from <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: the standard variables configure the exporter themselves.</summary>
    public bool StandardOtlpVariables { get; init; }

    public bool Otlp => !string.IsNullOrWhiteSpace(OtlpEndpoint) || StandardOtlpVariables;
    public bool Enabled => Otlp || PrometheusEnabled;

    public static TelemetryOptions From(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions()) with
        {
            StandardOtlpVariables = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
        };
}

/// <summary>Traces, metrics and logs over OpenTelemetry, and the Prometheus scraping endpoint.</summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddIntranetTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = TelemetryOptions.From(builder.Configuration);
        services.AddSingleton(options);
        // Counting circuits costs an add per circuit: always on, so the counter is right from the start when a scraper comes.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());
        if (!options.Enabled) return builder;

        var redis = builder.Configuration["Realtime:Redis"] is { Length: > 0 };
        if (redis)
            services.TryAddSingleton<IConnectionMultiplexer>(sp => ((RedisChangeFeed)sp.GetRequiredService<IChangeFeed>()).Connection);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : options.ServiceName,
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(IntranetMetrics.MeterName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path, options))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (redis) tracing.AddRedisInstrumentation();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IntranetMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // Built into .NET 10: Blazor circuits (active, connected, lifetime) and the runtime (GC, threads).
                    .AddMeter("Microsoft.AspNetCore.Components.Server.Circuits", "System.Runtime");
                if (options.PrometheusEnabled) metrics.AddPrometheusExporter();
            });
        if (options.Otlp)
        {
            // Logs travel with their scopes: a request's number (RequestService) becomes an attribute of each record.
            telemetry.WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
            if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
                telemetry.UseOtlpExporter(options.OtlpProtocol.Equals("grpc", StringComparison.OrdinalIgnoreCase)
                    ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, new Uri(options.OtlpEndpoint));
            else telemetry.UseOtlpExporter(); // OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS as the standard says
        }
        services.AddHostedService<OutboxBacklogMonitor>();
        return builder;
    }

    public static WebApplication MapIntranetMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.PrometheusEnabled) return app;
        var access = new ScraperAccess(options.PrometheusAllowedNetworks);
        app.MapPrometheusScrapingEndpoint(options.PrometheusPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
        {
            if (access.Allows(context.Connection.RemoteIpAddress)) return next(context);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }), optionsName: null).AllowAnonymous();
        return app;
    }

    private static bool IsProbe(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments(options.PrometheusPath);
}

/// <summary>
/// Who may read /metrics: loopback, and the networks named in <c>OpenTelemetry:PrometheusAllowedNetworks</c>. The
/// address is the one the app sees: behind a proxy on the same host every request is loopback unless the forwarded
/// headers are applied first, so the nginx configuration in deploy/ does not pass /metrics on at all.
/// </summary>
public sealed class ScraperAccess(IEnumerable<string> networks)
{
    private readonly IReadOnlyList<IPNetwork> _networks = [.. networks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim()))];

    public bool Allows(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || _networks.Any(n => n.Contains(address));
    }
}

/// <summary>Keeps <see cref="IntranetMetrics.CircuitsOpen"/> right: one up when a circuit opens, one down when it closes.</summary>
internal sealed class CircuitCounter : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IntranetMetrics.CircuitsOpen.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IntranetMetrics.CircuitsOpen.Add(-1);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Reads every outbox's backlog every <see cref="TelemetryOptions.BacklogIntervalSeconds"/> for the outbox gauges (a
/// gauge's callback runs on the exporter's thread and must not query a database itself).
/// </summary>
internal sealed class OutboxBacklogMonitor(IServiceScopeFactory scopes, TelemetryOptions options, TimeProvider clock, ILogger<OutboxBacklogMonitor> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(5, options.BacklogIntervalSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateSystemScope();
                    var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Intranet.Core.Data.IntranetDbContext>>()
                        .CreateDbContextAsync(stoppingToken);
                    await using (db)
                    {
                        var counts = new List<(string, string, int, int)>();
                        foreach (var backlog in scope.ServiceProvider.GetServices<IOutboxBacklog>())
                            counts.AddRange((await backlog.CountAsync(db, stoppingToken)).Select(c => (c.Outbox, c.Channel.Tag(), c.Waiting, c.GivenUp)));
                        IntranetMetrics.ObserveOutboxes(counts);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Giden ileti kuyrukları okunamadı; bir sonraki turda yeniden denenecek.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
