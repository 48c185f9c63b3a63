using System.Globalization;
using Intranet.Core.Press;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Intranet.Web.Components.Pages.Press;

/// <summary>
/// <see cref="ClippingFilter"/> ↔ query string, shared by the press pages and their exports, so a download holds what
/// the page shows. Keys: ara (text), ton, tur (names), kaynak, mudurluk (ids), baslangic, bitis (yyyy-MM-dd),
/// cevap=1 (needs an answer), yeni=1 (not yet triaged).
/// </summary>
public static class PressFilterQuery
{
    private const string DateFormat = "yyyy-MM-dd";

    public static string ToQuery(ClippingFilter f)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(f.Search)) pairs.Add(new("ara", f.Search.Trim()));
        if (f.Tone is { } tone) pairs.Add(new("ton", tone.ToString()));
        if (f.Kind is { } kind) pairs.Add(new("tur", kind.ToString()));
        if (f.SourceId is { } s) pairs.Add(new("kaynak", s.ToString(CultureInfo.InvariantCulture)));
        if (f.DirectorateId is { } d) pairs.Add(new("mudurluk", d.ToString(CultureInfo.InvariantCulture)));
        if (f.From is { } from) pairs.Add(new("baslangic", from.ToString(DateFormat, CultureInfo.InvariantCulture)));
        if (f.To is { } to) pairs.Add(new("bitis", to.ToString(DateFormat, CultureInfo.InvariantCulture)));
        if (f.NeedsAnswerOnly) pairs.Add(new("cevap", "1"));
        if (f.UnreviewedOnly) pairs.Add(new("yeni", "1"));
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    public static string WithQuery(string path, ClippingFilter f) => ToQuery(f) is { Length: > 0 } q ? $"{path}?{q}" : path;

    public static ClippingFilter FromUri(string uri) => FromQuery(QueryHelpers.ParseQuery(new Uri(uri).Query));

    public static ClippingFilter FromQuery(IDictionary<string, StringValues> q) => new()
    {
        Search = Get(q, "ara"),
        Tone = Enum.TryParse<Tone>(Get(q, "ton"), out var tone) && Enum.IsDefined(tone) ? tone : null,
        Kind = Enum.TryParse<ClippingKind>(Get(q, "tur"), out var kind) && Enum.IsDefined(kind) ? kind : null,
        SourceId = int.TryParse(Get(q, "kaynak"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null,
        DirectorateId = int.TryParse(Get(q, "mudurluk"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null,
        From = DateOnly.TryParseExact(Get(q, "baslangic"), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        To = DateOnly.TryParseExact(Get(q, "bitis"), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
        NeedsAnswerOnly = Get(q, "cevap") == "1",
        UnreviewedOnly = Get(q, "yeni") == "1",
    };

    private static string? Get(IDictionary<string, StringValues> q, string key) =>
        q.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
}
