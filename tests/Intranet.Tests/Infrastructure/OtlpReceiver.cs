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

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// A stand-in OpenTelemetry collector: OTLP over HTTP (protobuf) on 127.0.0.1, keeping the span, metric and log
/// names and attributes it receives. The protobuf is read with a small wire-format reader along the OTLP message
/// paths (no OTLP package is served here); only the fields the tests look at are decoded.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public sealed record Span(string Scope, string Name, IReadOnlyDictionary<string, string> Attributes);
    public sealed record Metric(string Scope, string Name);
    public sealed record LogRecord(string Scope, string Body, IReadOnlyDictionary<string, string> Attributes);

    private readonly WebApplication _app;

    public ConcurrentQueue<Span> Spans { get; } = new();
    public ConcurrentQueue<Metric> Metrics { get; } = new();
    public ConcurrentQueue<LogRecord> Logs { get; } = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address to give the exporter (it adds /v1/traces, /v1/metrics, /v1/logs).</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", context => receiver.ReceiveAsync(context, receiver.ReadTraces));
        app.MapPost("/v1/metrics", context => receiver.ReceiveAsync(context, receiver.ReadMetrics));
        app.MapPost("/v1/logs", context => receiver.ReceiveAsync(context, receiver.ReadLogs));
        await app.StartAsync();
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context, Action<ReadOnlyMemory<byte>> read)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        read(body.ToArray());
        // An empty Export…ServiceResponse: full success.
        context.Response.ContentType = "application/x-protobuf";
    }

    // ExportTraceServiceRequest: 1 resource_spans → 2 scope_spans → (1 scope → 1 name) and 2 spans → 5 name, 9 attributes
    private void ReadTraces(ReadOnlyMemory<byte> request)
    {
        foreach (var resource in Messages(request, 1))
        foreach (var scopeSpans in Messages(resource, 2))
        {
            var scope = ScopeName(scopeSpans);
            foreach (var span in Messages(scopeSpans, 2)) Spans.Enqueue(new Span(scope, String(span, 5), Attributes(span, 9)));
        }
    }

    // ExportMetricsServiceRequest: 1 resource_metrics → 2 scope_metrics → 1 scope, 2 metrics → 1 name
    private void ReadMetrics(ReadOnlyMemory<byte> request)
    {
        foreach (var resource in Messages(request, 1))
        foreach (var scopeMetrics in Messages(resource, 2))
        {
            var scope = ScopeName(scopeMetrics);
            foreach (var metric in Messages(scopeMetrics, 2)) Metrics.Enqueue(new Metric(scope, String(metric, 1)));
        }
    }

    // ExportLogsServiceRequest: 1 resource_logs → 2 scope_logs → 1 scope, 2 log_records → 5 body (AnyValue), 6 attributes
    private void ReadLogs(ReadOnlyMemory<byte> request)
    {
        foreach (var resource in Messages(request, 1))
        foreach (var scopeLogs in Messages(resource, 2))
        {
            var scope = ScopeName(scopeLogs);
            foreach (var log in Messages(scopeLogs, 2))
                Logs.Enqueue(new LogRecord(scope, Messages(log, 5).Select(AnyValue).FirstOrDefault() ?? "", Attributes(log, 6)));
        }
    }

    private static string ScopeName(ReadOnlyMemory<byte> scoped) => Messages(scoped, 1).Select(s => String(s, 1)).FirstOrDefault() ?? "";

    // KeyValue: 1 key, 2 value (AnyValue: 1 string, 2 bool, 3 int, 4 double)
    private static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int field)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var pair in Messages(message, field))
            attributes[String(pair, 1)] = Messages(pair, 2).Select(AnyValue).FirstOrDefault() ?? "";
        return attributes;
    }

    private static string AnyValue(ReadOnlyMemory<byte> value)
    {
        foreach (var f in Fields(value))
        {
            if (f.Number == 1 && f.Wire == 2) return Encoding.UTF8.GetString(f.Bytes.Span);
            if (f.Number is 2 or 3 && f.Wire == 0) return ((long)f.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (f.Number == 4 && f.Wire == 1) return BitConverter.ToDouble(f.Bytes.Span).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return "";
    }

    private static string String(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Wire == 2).Select(f => Encoding.UTF8.GetString(f.Bytes.Span)).FirstOrDefault() ?? "";

    private static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Wire == 2).Select(f => f.Bytes);

    private readonly record struct Field(int Number, int Wire, ulong Varint, ReadOnlyMemory<byte> Bytes);

    /// <summary>The protobuf wire format: a varint key (field number and wire type), then the value.</summary>
    private static List<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var span = message.Span;
        var i = 0;
        while (i < span.Length)
        {
            var key = Varint(span, ref i);
            var (number, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case 0:
                    fields.Add(new Field(number, wire, Varint(span, ref i), default));
                    break;
                case 1:
                    fields.Add(new Field(number, wire, 0, message.Slice(i, 8)));
                    i += 8;
                    break;
                case 2:
                    var length = (int)Varint(span, ref i);
                    fields.Add(new Field(number, wire, 0, message.Slice(i, length)));
                    i += length;
                    break;
                case 5:
                    fields.Add(new Field(number, wire, 0, message.Slice(i, 4)));
                    i += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unknown protobuf wire type {wire}.");
            }
        }
        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
