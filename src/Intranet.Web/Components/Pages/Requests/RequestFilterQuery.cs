using System.Globalization;
using Intranet.Core.Requests;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Intranet.Web.Components.Pages.Requests;

/// <summary>
/// The one mapping between <see cref="RequestFilter"/> and the request list's query string, shared by the list, the
/// statistics links and the exports, so a link and the page it opens mean the same rows.
/// Keys: durum (status names, comma-separated or repeated), mudurluk, mahalle, kategori (ids), kanal (channel name),
/// baslangic, bitis (Istanbul days, yyyy-MM-dd), geciken=1, tur (type name), atanan (user id), atanmamis=1, ara (text).
/// A list address with no query at all shows the open requests; "tumu=1" asks for every status.
/// </summary>
public static class RequestFilterQuery
{
    public const string Status = "durum";
    public const string Directorate = "mudurluk";
    public const string Neighbourhood = "mahalle";
    public const string Category = "kategori";
    public const string Channel = "kanal";
    public const string From = "baslangic";
    public const string To = "bitis";
    public const string Overdue = "geciken";
    public const string Type = "tur";
    public const string Assignee = "atanan";
    public const string Unassigned = "atanmamis";
    public const string Text = "ara";
    public const string All = "tumu";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>"durum=Yeni,Islemde&amp;mudurluk=3", without the leading "?"; empty for an empty filter.</summary>
    public static string ToQuery(RequestFilter filter)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        // OpenOnly has no key of its own: the open statuses select the same rows.
        var statuses = filter.Statuses is { Count: > 0 } s ? s : filter.OpenOnly && !filter.OverdueOnly ? Request.OpenStatuses : null;
        if (statuses is not null) pairs.Add(new(Status, string.Join(',', statuses)));
        if (filter.DirectorateId is { } d) pairs.Add(new(Directorate, d.ToString(CultureInfo.InvariantCulture)));
        if (filter.NeighbourhoodId is { } n) pairs.Add(new(Neighbourhood, n.ToString(CultureInfo.InvariantCulture)));
        if (filter.CategoryId is { } c) pairs.Add(new(Category, c.ToString(CultureInfo.InvariantCulture)));
        if (filter.Channel is { } ch) pairs.Add(new(Channel, ch.ToString()));
        if (filter.From is { } from) pairs.Add(new(From, from.ToString(DateFormat, CultureInfo.InvariantCulture)));
        if (filter.To is { } to) pairs.Add(new(To, to.ToString(DateFormat, CultureInfo.InvariantCulture)));
        if (filter.OverdueOnly) pairs.Add(new(Overdue, "1"));
        if (filter.Type is { } type) pairs.Add(new(Type, type.ToString()));
        if (filter.AssigneeId is { } a) pairs.Add(new(Assignee, a.ToString(CultureInfo.InvariantCulture)));
        if (filter.UnassignedOnly) pairs.Add(new(Unassigned, "1"));
        if (!string.IsNullOrWhiteSpace(filter.Text)) pairs.Add(new(Text, filter.Text));
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>The list's address for this filter: "/basvurular?…".</summary>
    public static string ListUrl(RequestFilter filter) => ToQuery(filter) is { Length: > 0 } q ? $"/basvurular?{q}" : $"/basvurular?{All}=1";

    /// <summary>The list's filter for its own address: the query's filter, or open requests when there is none.</summary>
    public static RequestFilter ForList(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        return query.Count == 0 ? new RequestFilter { OpenOnly = true } : FromQuery(query);
    }

    public static string WithQuery(string path, RequestFilter filter) => ToQuery(filter) is { Length: > 0 } q ? $"{path}?{q}" : path;

    /// <summary>Reads the keys above; values that do not parse are ignored rather than failing the page.</summary>
    public static RequestFilter FromQuery(IDictionary<string, StringValues> query)
    {
        StringValues Get(string key) => query.TryGetValue(key, out var v) ? v : StringValues.Empty;
        static int? Int(StringValues v) => int.TryParse(v.LastOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        static DateOnly? Day(StringValues v) =>
            DateOnly.TryParseExact(v.LastOrDefault(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        var statuses = Get(Status).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => Enum.TryParse<RequestStatus>(v, ignoreCase: true, out var st) && Enum.IsDefined(st) && !int.TryParse(v, out _) ? st : (RequestStatus?)null)
            .OfType<RequestStatus>().Distinct().ToList();
        var channelText = Get(Channel).LastOrDefault();
        RequestChannel? channel = Enum.TryParse<RequestChannel>(channelText, ignoreCase: true, out var ch) && Enum.IsDefined(ch) && !int.TryParse(channelText, out _)
            ? ch : null;
        var typeText = Get(Type).LastOrDefault();
        RequestType? type = Enum.TryParse<RequestType>(typeText, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(typeText, out _) ? t : null;
        return new RequestFilter
        {
            Type = type,
            AssigneeId = Int(Get(Assignee)),
            UnassignedOnly = Get(Unassigned).LastOrDefault() == "1",
            Text = Get(Text).LastOrDefault() is { Length: > 0 } text ? text : null,
            Statuses = statuses.Count > 0 ? statuses : null,
            DirectorateId = Int(Get(Directorate)),
            NeighbourhoodId = Int(Get(Neighbourhood)),
            CategoryId = Int(Get(Category)),
            Channel = channel,
            From = Day(Get(From)),
            To = Day(Get(To)),
            OverdueOnly = Get(Overdue).LastOrDefault() == "1",
        };
    }

    /// <summary>Parses a raw query string ("?durum=…" or "durum=…").</summary>
    public static RequestFilter FromQuery(string queryString) => FromQuery(QueryHelpers.ParseQuery(queryString));
}
