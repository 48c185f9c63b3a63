using System.Globalization;
using System.Text;

namespace Intranet.Core.Common;

/// <summary>Turkish-aware text helpers: casing with İ/ı, sorting, and folding for search.</summary>
public static class TurkishText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("tr-TR");

    /// <summary>Sorts as a Turkish reader expects (ç after c, ı before i, ş after s ...).</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, ignoreCase: true);

    public static string ToUpper(string s) => s.ToUpper(Culture);
    public static string ToLower(string s) => s.ToLower(Culture);

    /// <summary>
    /// Folds text for matching: Turkish lower-casing, then the Turkish letters to their ASCII twins, so that
    /// "İNÖNÜ", "İnönü", "inonu" and "Inonu" all fold to "inonu". Used for search keys stored beside names.
    /// </summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return string.Empty;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            // A lone combining mark (text written as "I" + U+0307 instead of "İ") folds to nothing.
            if (ch >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch
            {
                'İ' or 'I' or 'ı' or 'i' or 'Î' or 'î' => 'i',
                'Ş' or 'ş' => 's',
                'Ğ' or 'ğ' => 'g',
                'Ü' or 'ü' or 'Û' or 'û' => 'u',
                'Ö' or 'ö' => 'o',
                'Ç' or 'ç' => 'c',
                'Â' or 'â' => 'a',
                < '\u0080' => char.ToLowerInvariant(ch),
                _ => FoldOther(ch),
            });
        }
        return sb.ToString();
    }

    /// <summary>Any other accented letter loses its accent ("é" → "e"), so foreign names in the news fold too.</summary>
    private static char FoldOther(char ch)
    {
        // Only the Latin letter blocks carry accents worth removing; quotes, dashes and other scripts just lower-case.
        if (ch is < '\u00C0' or > '\u024F') return char.ToLowerInvariant(ch);
        var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }

    /// <summary>
    /// The folded words of a text: letters and digits only, everything else separates, so "Kağıthane'de" gives
    /// "kagithane" and "de" (Turkish writes a proper noun's suffix after an apostrophe). Used for whole-word keyword
    /// matching and for the full-text search column, so both fold exactly alike.
    /// </summary>
    public static string[] Words(string? s)
    {
        if (string.IsNullOrEmpty(s)) return [];
        var folded = Fold(s.Normalize(NormalizationForm.FormC));
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch)) current.Append(ch);
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return [.. words];
    }

    /// <summary>"Kağıthane'de YENİ park!" → "kagithane de yeni park": the words of a text as one comparable key.</summary>
    public static string Key(string? s) => string.Join(' ', Words(s));
}
