using System.Text;
using System.Text.RegularExpressions;

namespace Intranet.Core.Press.Feeds;

/// <summary>
/// Decodes a feed's bytes. Turkish sites still serve windows-1254 or ISO-8859-9, and their web servers often send no
/// charset or a wrong one ("utf-8" or "iso-8859-1" over windows-1254 bytes), while the XML prolog is usually right.
/// Order: a byte-order mark; the prolog's encoding; the HTTP charset; UTF-8. A UTF-8 choice whose bytes are not valid
/// UTF-8 falls back to windows-1254, the code page such bytes nearly always are on a Turkish site.
/// </summary>
public static partial class FeedEncoding
{
    /// <summary>windows-1254: ISO-8859-9 plus the printable characters at 0x80–0x9F.</summary>
    public static readonly Encoding Turkish;

    static FeedEncoding()
    {
        // windows-1254 and ISO-8859-9 are not built into .NET Core; the code-pages provider adds them.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Turkish = Encoding.GetEncoding(1254);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and the encoding it was read with.</summary>
    public static (string Text, Encoding Encoding) Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Utf8(bytes[3..]) ?? Encoding.UTF8.GetString(bytes[3..]), Encoding.UTF8);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(bytes[2..]), Encoding.Unicode);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(bytes[2..]), Encoding.BigEndianUnicode);

        var declared = GetEncodingOrNull(PrologEncoding(bytes)) ?? GetEncodingOrNull(httpCharset) ?? Encoding.UTF8;
        if (declared.CodePage == Encoding.UTF8.CodePage)
            return Utf8(bytes) is { } text ? (text, Encoding.UTF8) : (Turkish.GetString(bytes), Turkish);
        // Latin-1 and windows-1252 differ from the Turkish code pages only where Turkish has ğ, ı, ş (Icelandic
        // ð, ý, þ there): a Turkish site declaring them means windows-1254, which reads every other byte the same.
        if (declared.CodePage is 28591 or 1252) declared = Turkish;
        return (declared.GetString(bytes), declared);
    }

    /// <summary>The encoding named in <c>&lt;?xml … encoding="…"?&gt;</c>, read from the first bytes as ASCII.</summary>
    public static string? PrologEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        var m = Prolog().Match(head);
        return m.Success ? m.Groups["enc"].Value : null;
    }

    public static Encoding? GetEncodingOrNull(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?\bencoding\s*=\s*[""'](?<enc>[A-Za-z0-9._:-]+)[""']")]
    private static partial Regex Prolog();
}
