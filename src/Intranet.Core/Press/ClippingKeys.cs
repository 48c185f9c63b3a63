using System.Security.Cryptography;
using System.Text;
using Intranet.Core.Common;

namespace Intranet.Core.Press;

/// <summary>
/// The derived columns of a clipping: dedupe keys, the folded search text and the Istanbul day. Every writer (poller,
/// manual entry, triage, seeding, benchmark) calls <see cref="Apply"/>, so the keys never disagree with the text.
/// </summary>
public static class ClippingKeys
{
    public static void Apply(PressClipping c)
    {
        c.TitleKey = Truncate(TurkishText.Key(c.Title), 500);
        c.UrlHash = UrlHash(c.Url);
        c.PublishedOn = IstanbulTime.Today(c.PublishedAt);
        c.SearchText = SearchText(c.Title, c.Summary, c.Text, c.Columnist, c.Program);
    }

    public static string SearchText(params string?[] parts) =>
        TurkishText.Key(string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p))));

    /// <summary>
    /// SHA-256 (hex) of the URL without what does not change the story: scheme, "www.", fragment, tracking
    /// parameters (utm_*, fbclid, gclid) and a trailing slash. Null for no URL or one that is not http(s).
    /// </summary>
    public static string? UrlHash(string? url) =>
        NormalizeUrl(url) is { } normalized ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized))) : null;

    public static string? NormalizeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https")) return null;
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=', 2)[0])));
        return host + port + path + (query.Length > 0 ? "?" + query : "");
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || name is "fbclid" or "gclid" or "yclid" or "mc_cid" or "mc_eid";

    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>Cuts at a word boundary and marks the cut, for summaries shown in lists and mails.</summary>
    public static string Shorten(string value, int max)
    {
        if (value.Length <= max) return value;
        var cut = value.LastIndexOf(' ', max - 1);
        return value[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }
}
