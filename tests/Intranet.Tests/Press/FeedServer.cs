using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intranet.Tests.Press;

/// <summary>What one path of the <see cref="FeedServer"/> answers.</summary>
public sealed record FeedResponse
{
    public byte[] Body { get; init; } = [];
    public string ContentType { get; init; } = "application/rss+xml; charset=utf-8";
    public int Status { get; init; } = 200;
    /// <summary>Answers 304 to a request carrying this tag in If-None-Match.</summary>
    public string? ETag { get; init; }
    public TimeSpan Delay { get; init; }
    /// <summary>When set, the answer waits until this task completes: a test holds a request in flight for as long as it needs.</summary>
    public Task? Gate { get; init; }
    /// <summary>No Content-Length: the body streams in chunks, so only reading it shows its size.</summary>
    public bool Chunked { get; init; }

    public static FeedResponse Xml(string xml, string? etag = null) => new() { Body = Encoding.UTF8.GetBytes(xml), ETag = etag };
}

/// <summary>
/// A news site for the poller tests: Kestrel on 127.0.0.1 (free port) serving feeds the test sets per path, good, slow,
/// broken, failing, oversized or changing, with ETag/304. It counts requests, conditional ones and the most that were
/// in flight at once per path.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FeedResponse> _responses = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new();

    public ConcurrentDictionary<string, int> Requests { get; } = new();
    public ConcurrentDictionary<string, int> NotModified { get; } = new();
    public ConcurrentDictionary<string, int> MaxConcurrent { get; } = new();

    private FeedServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public void Serve(string path, FeedResponse response) => _responses[path] = response;

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        var now = _inFlight.AddOrUpdate(path, 1, (_, n) => n + 1);
        MaxConcurrent.AddOrUpdate(path, now, (_, max) => Math.Max(max, now));
        ArrivalOf(path).TrySetResult();
        try
        {
            if (!_responses.TryGetValue(path, out var r))
            {
                context.Response.StatusCode = 404;
                return;
            }
            try
            {
                if (r.Delay > TimeSpan.Zero) await Task.Delay(r.Delay, context.RequestAborted);
                if (r.Gate is not null) await r.Gate.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) { return; }
            if (r.ETag is not null && context.Request.Headers.IfNoneMatch.ToString().Contains(r.ETag, StringComparison.Ordinal))
            {
                NotModified.AddOrUpdate(path, 1, (_, n) => n + 1);
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.StatusCode = r.Status;
            context.Response.ContentType = r.ContentType;
            if (r.ETag is not null) context.Response.Headers.ETag = r.ETag;
            if (!r.Chunked) context.Response.ContentLength = r.Body.Length;
            try
            {
                for (var offset = 0; offset < r.Body.Length; offset += 16 * 1024)
                {
                    await context.Response.Body.WriteAsync(r.Body.AsMemory(offset, Math.Min(16 * 1024, r.Body.Length - offset)), context.RequestAborted);
                    if (r.Chunked) await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The poller stopped reading (the body passed its cap): expected.
            }
        }
        finally
        {
            _inFlight.AddOrUpdate(path, 0, (_, n) => n - 1);
        }
    }

    public int RequestsTo(string path) => Requests.GetValueOrDefault(path);

    /// <summary>Completes when the first request to the path has arrived.</summary>
    public Task FirstRequestTo(string path) => ArrivalOf(path).Task;

    private TaskCompletionSource ArrivalOf(string path) =>
        _arrived.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
