using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intranet.Tests.Infrastructure;

/// <summary>A stand-in SMS operator: a minimal Kestrel app on 127.0.0.1 (free port) that records every POST to /sms.</summary>
public sealed class SmsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record ReceivedSms(string To, string Text, string Sender, string? Authorization);

    public ConcurrentQueue<ReceivedSms> Received { get; } = new();

    /// <summary>The status the operator answers with; anything but 2xx must make the sender throw.</summary>
    public volatile int StatusCode = 200;

    private SmsEndpoint(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<SmsEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new SmsEndpoint(app);
        app.MapPost("/sms", async (HttpContext context) =>
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            var root = json.RootElement;
            endpoint.Received.Enqueue(new ReceivedSms(root.GetProperty("to").GetString()!, root.GetProperty("text").GetString()!,
                root.GetProperty("sender").GetString()!, context.Request.Headers.Authorization.ToString()));
            return Results.StatusCode(endpoint.StatusCode);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        endpoint.Url = address.TrimEnd('/') + "/sms";
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
