using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Web;

/// <summary>
/// The circuits' WebSocket: uncompressed unless Realtime:WebSocketCompression asks for it (a deflate of every render
/// batch for every open screen is CPU the live dashboards need), and every page forbids framing by another site either
/// way (Blazor sets that header itself only while it compresses).
/// Realtime:WebSocketCompression=true is not tested here: once one app in a process has turned compression on, every
/// later app in that process negotiates it too (framework state), which would make this test depend on test order.
/// </summary>
public class CircuitTransportTests
{
    private static async Task<(string Extensions, string? FramePolicy)> ConnectAsync(IntranetWebFactory app)
    {
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetAsync("/hesap/giris");
        var framePolicy = page.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values) : null;

        var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions(); // offered, as browsers do
        await socket.ConnectAsync(new Uri(baseUrl.Replace("http", "ws") + "/_blazor?id=" + token), CancellationToken.None);
        var extensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var ext) == true ? string.Join(";", ext) : "";
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return (extensions, framePolicy);
    }

    [Fact]
    public async Task By_default_the_circuits_are_not_compressed_and_pages_may_not_be_framed_by_others()
    {
        await using var app = new IntranetWebFactory();
        var (extensions, framePolicy) = await ConnectAsync(app);

        Assert.DoesNotContain("permessage-deflate", extensions);
        Assert.Equal("frame-ancestors 'self'", framePolicy);
    }
}
