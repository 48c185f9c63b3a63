using System.Globalization;
using Intranet.Core.Requests;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Intranet.Web.Components.Pages.Requests;

/// <summary>
/// A request-list filter as a link ("/basvurular?mahalle=3&amp;acik=1"): dashboards and statistics drill down with it,
/// the list reads it back, and a person can bookmark or send it. The one place that knows the query-string keys.
/// </summary>
public static class RequestListLink
{
    public const string Path = "/basvurular";

    public static string For(RequestFilter f)
    {
        var q = new Dictionary<string, string?>();
        if (f.Statuses is { Count: > 0 } s) q["durum"] = string.Join(',', s);
        if (f.OpenOnly) q["acik"] = "1";
        if (f.OverdueOnly) q["geciken"] = "1";
        if (f.DirectorateId is { } d) q["mudurluk"] = Num(d);
        if (f.NeighbourhoodId is { } n) q["mahalle"] = Num(n);
        if (f.CategoryId is { } c) q["kategori"] = Num(c);
        if (f.Channel is { } ch) q["kanal"] = ch.ToString();
        if (f.Type is { } t) q["tur"] = t.ToString();
        if (f.AssigneeId is { } a) q["atanan"] = Num(a);
        if (f.UnassignedOnly) q["atanmamis"] = "1";
        if (f.From is { } from) q["baslangic"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (f.To is { } to) q["bitis"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(f.Text)) q["ara"] = f.Text;
        // An explicit "all statuses" keeps the list from applying its open-only default.
        if (q.Count > 0 && !f.OpenOnly && !f.OverdueOnly) q["tumu"] = "1";
        return q.Count == 0 ? Path : QueryHelpers.AddQueryString(Path, q);
    }

    /// <summary>The filter of a list URL; with no query the list's default (open requests).</summary>
    public static RequestFilter Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        if (query.Count == 0) return new RequestFilter { OpenOnly = true };
        return new RequestFilter
        {
            Statuses = Get(query, "durum")?.Split(',').Select(v => Enum.TryParse<RequestStatus>(v, out var st) ? st : (RequestStatus?)null).OfType<RequestStatus>().ToList(),
            OpenOnly = Get(query, "acik") == "1",
            OverdueOnly = Get(query, "geciken") == "1",
            DirectorateId = Int(query, "mudurluk"),
            NeighbourhoodId = Int(query, "mahalle"),
            CategoryId = Int(query, "kategori"),
            Channel = Enum.TryParse<RequestChannel>(Get(query, "kanal"), out var channel) ? channel : null,
            Type = Enum.TryParse<RequestType>(Get(query, "tur"), out var type) ? type : null,
            AssigneeId = Int(query, "atanan"),
            UnassignedOnly = Get(query, "atanmamis") == "1",
            From = Date(query, "baslangic"),
            To = Date(query, "bitis"),
            Text = Get(query, "ara"),
        };
    }

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string? Get(Dictionary<string, StringValues> q, string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;

    private static int? Int(Dictionary<string, StringValues> q, string key) =>
        int.TryParse(Get(q, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static DateOnly? Date(Dictionary<string, StringValues> q, string key) =>
        DateOnly.TryParseExact(Get(q, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
