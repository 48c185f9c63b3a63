using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Intranet.Core.Common;

namespace Intranet.Core.Press.Feeds;

/// <summary>One news item as a feed gave it, already made plain text.</summary>
public sealed record FeedItem(string Title, string? Link, string? Summary, DateTime? PublishedAt, string? ImageUrl, string? Guid);

/// <summary>
/// What a feed held. <see cref="Error"/> is set when the document itself is unusable (not XML, cut off, not a feed);
/// the items read before the fault are still in <see cref="Items"/>. <see cref="Warnings"/> name items that lost
/// something (a date) or were skipped (no title), so one bad item never costs the others.
/// </summary>
public sealed record FeedReadResult(IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Warnings, string? Error, int Duplicates);

/// <summary>
/// A tolerant reader for RSS 2.0 (and 0.9x/1.0) and Atom 1.0, written for what Turkish news sites really serve. It does
/// not use System.ServiceModel.Syndication, whose RSS formatter throws on the first date it cannot read and so loses
/// the whole feed; here each item is read on its own, and bad dates, HTML in CDATA, undeclared HTML entities, stray
/// control characters and repeated guids are dealt with item by item. DTDs are ignored and no external resource is
/// ever resolved.
/// </summary>
public static partial class FeedParser
{
    public const int MaxItems = 500;
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    public static FeedReadResult Parse(byte[] bytes, string? httpCharset = null, Uri? baseUri = null)
    {
        var (text, _) = FeedEncoding.Decode(bytes, httpCharset);
        return ParseText(text, baseUri);
    }

    public static FeedReadResult ParseText(string text, Uri? baseUri = null)
    {
        var items = new List<FeedItem>();
        var warnings = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        string? error = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = 50_000_000,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(Sanitize(text)), settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
                return new FeedReadResult([], [], "Akış boş ya da XML değil.", 0);
            var root = reader.LocalName.ToLowerInvariant();
            if (root is not ("rss" or "feed" or "rdf"))
                return new FeedReadResult([], [], $"Bu adres bir RSS/Atom akışı değil (kök öğe <{reader.Name}>); akış adresini kontrol edin.", 0);
            var atom = root == "feed";
            while (!reader.EOF && items.Count < MaxItems)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "item" or "entry")
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    var item = ReadItem(element, atom, baseUri, warnings);
                    if (item is null) continue;
                    var key = item.Guid ?? item.Link ?? TurkishText.Key(item.Title);
                    if (seen.Add(key)) items.Add(item);
                    else duplicates++;
                }
                else reader.Read();
            }
        }
        catch (XmlException ex)
        {
            error = $"Akış bozuk (satır {ex.LineNumber}, sütun {ex.LinePosition}): {ex.Message}"
                    + (items.Count > 0 ? $" Bozukluktan önceki {items.Count} haber okundu." : "");
        }
        return new FeedReadResult(items, warnings, error, duplicates);
    }

    private static FeedItem? ReadItem(XElement e, bool atom, Uri? baseUri, List<string> warnings)
    {
        var title = HtmlText.ToText(Child(e, "title")?.Value, 500);
        var rawSummary = atom
            ? (Child(e, "summary") ?? Child(e, "content"))?.Value
            : (Child(e, "description") ?? Child(e, "encoded"))?.Value;
        var summary = HtmlText.ToText(rawSummary);
        if (title.Length == 0)
        {
            if (summary.Length == 0)
            {
                warnings.Add("Başlığı ve özeti olmayan bir haber atlandı.");
                return null;
            }
            title = ClippingKeys.Shorten(summary, 160);
        }

        var guid = (atom ? Child(e, "id") : Child(e, "guid"))?.Value.Trim() is { Length: > 0 } g ? g : null;
        var link = atom ? AtomLink(e) : Child(e, "link")?.Value.Trim();
        if (string.IsNullOrEmpty(link) && !atom && guid is not null && Child(e, "guid")?.Attribute("isPermaLink")?.Value != "false") link = guid;
        link = Absolute(link, baseUri);

        var dateText = (atom ? Child(e, "published") ?? Child(e, "updated") : Child(e, "pubDate") ?? Child(e, "date") ?? Child(e, "published"))?.Value;
        var published = FeedDates.Parse(dateText);
        if (published is null && !string.IsNullOrWhiteSpace(dateText))
            warnings.Add($"Tarihi okunamadı (\"{ClippingKeys.Shorten(dateText.Trim(), 60)}\"): \"{ClippingKeys.Shorten(title, 80)}\"; alınma zamanı kullanıldı.");

        var image = Absolute(ImageOf(e) ?? HtmlText.FirstImage(rawSummary), baseUri);
        return new FeedItem(title, link, summary.Length > 0 ? summary : null, published, image, guid);
    }

    private static XElement? Child(XElement e, string localName) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == localName && c.Name.Namespace != Media);

    private static string? AtomLink(XElement e)
    {
        var links = e.Elements().Where(c => c.Name.LocalName == "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        return alternate?.Attribute("href")?.Value ?? alternate?.Value;
    }

    /// <summary>media:content (an image), then media:thumbnail, then an image enclosure.</summary>
    private static string? ImageOf(XElement e)
    {
        foreach (var content in e.Descendants(Media + "content"))
        {
            var medium = (string?)content.Attribute("medium");
            var type = (string?)content.Attribute("type");
            var url = (string?)content.Attribute("url");
            if (url is null) continue;
            if (medium == "image" || type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
                || (medium is null && type is null && ImageExtension().IsMatch(url)))
                return url;
        }
        if (e.Descendants(Media + "thumbnail").Select(t => (string?)t.Attribute("url")).FirstOrDefault(u => u is not null) is { } thumbnail)
            return thumbnail;
        return e.Elements().Where(c => c.Name.LocalName == "enclosure" && ((string?)c.Attribute("type"))?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(c => (string?)c.Attribute("url")).FirstOrDefault();
    }

    /// <summary>An absolute http(s) address, or null: a javascript: or data: link from a feed never reaches a page.</summary>
    private static string? Absolute(string? link, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = WebUtility.HtmlDecode(link.Trim());
        // "/haber/1" is relative to the feed; on Linux .NET would read it as an absolute file path.
        var relative = link.StartsWith('/') || !Uri.TryCreate(link, UriKind.Absolute, out _);
        Uri? uri;
        if (relative) { if (baseUri is null || !Uri.TryCreate(baseUri, link, out uri)) return null; }
        else uri = new Uri(link, UriKind.Absolute);
        return uri.Scheme is "http" or "https" ? ClippingKeys.Truncate(uri.AbsoluteUri, 1000) : null;
    }

    /// <summary>
    /// The tolerant pre-pass: drops the prolog (the text is already decoded), characters XML forbids, and turns HTML's
    /// named entities (&amp;nbsp;, &amp;ouml; …) and bare ampersands, which XML rejects, into what XML accepts.
    /// </summary>
    internal static string Sanitize(string text)
    {
        text = PrologDeclaration().Replace(text, "");
        text = InvalidXmlChars().Replace(text, "");
        return Ampersand().Replace(text, m =>
        {
            var entity = m.Groups["entity"].Value;
            if (entity.Length == 0) return "&amp;";
            if (entity.StartsWith('#') || entity is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
            var decoded = WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? "&amp;" + entity + ";" : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
        });
    }

    [GeneratedRegex(@"^\uFEFF?\s*<\?xml[^>]*\?>")]
    private static partial Regex PrologDeclaration();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]")]
    private static partial Regex InvalidXmlChars();

    [GeneratedRegex(@"&(?:(?<entity>#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)?")]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"\.(jpe?g|png|gif|webp)(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ImageExtension();
}
