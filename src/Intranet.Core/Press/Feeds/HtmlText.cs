using System.Net;
using System.Text.RegularExpressions;

namespace Intranet.Core.Press.Feeds;

/// <summary>
/// Turns a feed's HTML description (CDATA or escaped, sometimes escaped twice) into plain text. The result is only
/// ever shown as text (Blazor encodes it), never as markup, so no tag or script from a feed can reach a page; this
/// class just makes it readable: scripts, styles and comments dropped, tags removed, entities decoded, block ends
/// kept as spaces, whitespace collapsed.
/// </summary>
public static partial class HtmlText
{
    public static string ToText(string? html, int maxLength = 8000)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var text = html;
        // Twice: "&lt;p&gt;" (escaped HTML inside XML) only becomes a tag after the first decode.
        for (var pass = 0; pass < 2; pass++)
        {
            text = Hidden().Replace(text, " ");
            text = Tags().Replace(text, Separator);
            var decoded = WebUtility.HtmlDecode(text);
            if (decoded == text) break;
            text = decoded;
        }
        text = Tags().Replace(text, Separator);
        text = ControlChars().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= maxLength ? text : text[..maxLength];
    }

    /// <summary>A block (paragraph, line break, list item, cell) ends a word; an inline tag (strong, a, img) does not.</summary>
    private static string Separator(Match tag) => BlockTag().IsMatch(tag.Value) ? " " : "";

    /// <summary>The first image of an HTML description, when the feed gives no media:content or enclosure.</summary>
    public static string? FirstImage(string? html)
    {
        if (string.IsNullOrEmpty(html)) return null;
        var m = Image().Match(WebUtility.HtmlDecode(html));
        return m.Success ? m.Groups["src"].Value : null;
    }

    [GeneratedRegex(@"<(script|style|iframe|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>|<!\[CDATA\[|\]\]>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^</?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|hr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]")]
    private static partial Regex ControlChars();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*[""'](?<src>[^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex Image();
}
