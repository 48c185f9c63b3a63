using System.Net;
using System.Net.Http.Headers;

namespace Intranet.Core.Press.Feeds;

/// <summary>The outcome of one HTTP read of a feed.</summary>
public abstract record FetchResult
{
    public sealed record Content(byte[] Body, string? Charset, string? ETag, string? LastModified, Uri FinalUri) : FetchResult;
    public sealed record NotModified : FetchResult;
    public sealed record Failed(string Error) : FetchResult;
}

/// <summary>
/// Reads one feed over HTTP: a timeout per attempt covering the whole body, retries with doubling waits for what a
/// retry can fix (timeouts, network errors, 429, 5xx), conditional requests (If-None-Match / If-Modified-Since, so an
/// unchanged feed costs a 304), and a cap on the body, checked against Content-Length and again while reading (a
/// compressed or chunked body has no trustworthy length). Never throws except for the caller's cancellation.
/// </summary>
public sealed class FeedFetcher(HttpClient http, PressOptions options)
{
    public async Task<FetchResult> FetchAsync(string url, string? etag, string? lastModified, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new FetchResult.Failed("Akış adresi geçersiz; http:// veya https:// ile başlayan tam adres yazın.");
        var attempts = 1 + Math.Max(0, options.Retries);
        for (var attempt = 1; ; attempt++)
        {
            var (result, retry) = await AttemptAsync(uri, etag, lastModified, ct);
            if (result is not FetchResult.Failed failed) return result;
            if (!retry || attempt >= attempts) return attempt > 1 ? failed with { Error = $"{failed.Error} ({attempt} deneme)" } : failed;
            await Task.Delay(TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, attempt - 1)), ct);
        }
    }

    private async Task<(FetchResult Result, bool Retry)> AttemptAsync(Uri uri, string? etag, string? lastModified, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        if (!string.IsNullOrEmpty(etag) && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (!string.IsNullOrEmpty(lastModified) && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            request.Headers.IfModifiedSince = since;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified) return (new FetchResult.NotModified(), false);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                var retry = code >= 500 || code == 429 || code == 408;
                return (new FetchResult.Failed($"Sunucu HTTP {code} ({response.ReasonPhrase}) döndü."), retry);
            }
            if (response.Content.Headers.ContentLength > options.MaxFeedBytes)
                return (TooLarge(response.Content.Headers.ContentLength.Value), false);
            var body = await ReadCappedAsync(response.Content, timeout.Token);
            if (body is null) return (TooLarge(null), false);
            return (new FetchResult.Content(body, response.Content.Headers.ContentType?.CharSet,
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"),
                response.RequestMessage?.RequestUri ?? uri), false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (new FetchResult.Failed($"Zaman aşımı: sunucu {options.RequestTimeoutSeconds:0.#} saniyede yanıt vermedi."), true);
        }
        catch (HttpRequestException ex)
        {
            return (new FetchResult.Failed($"Bağlantı kurulamadı: {ex.Message}"), true);
        }
        catch (IOException ex)
        {
            return (new FetchResult.Failed($"Okuma yarıda kesildi: {ex.Message}"), true);
        }
    }

    private FetchResult.Failed TooLarge(long? size) =>
        new($"Akış çok büyük ({(size is { } s ? $"{s / 1024.0 / 1024.0:N1} MB" : $"{options.MaxFeedBytes / 1024.0 / 1024.0:N1} MB'tan fazla")}); " +
            $"en fazla {options.MaxFeedBytes / 1024.0 / 1024.0:N1} MB okunur.");

    /// <summary>The body, or null as soon as it passes the cap (the rest is never read).</summary>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxFeedBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
