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
            sb.Append(ch switch
            {
                'İ' or 'I' or 'ı' or 'i' or 'Î' or 'î' => 'i',
                'Ş' or 'ş' => 's',
                'Ğ' or 'ğ' => 'g',
                'Ü' or 'ü' or 'Û' or 'û' => 'u',
                'Ö' or 'ö' => 'o',
                'Ç' or 'ç' => 'c',
                'Â' or 'â' => 'a',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return sb.ToString();
    }
}
