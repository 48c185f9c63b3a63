using System.Text.RegularExpressions;

namespace Intranet.Core.Common;

/// <summary>Turkish phone numbers, normalised to "05XXXXXXXXX" (11 digits) for lookup.</summary>
public static partial class PhoneNumber
{
    /// <summary>Returns the normalised number, or null when the input is not a Turkish phone number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var digits = NonDigits().Replace(input, "");
        if (digits.StartsWith("90") && digits.Length == 12) digits = "0" + digits[2..];
        if (digits.Length == 10 && digits[0] != '0') digits = "0" + digits;
        return digits.Length == 11 && digits[0] == '0' && digits[1] != '0' ? digits : null;
    }

    /// <summary>"0532 *** ** 67": enough for a caller to recognise, not enough to reuse (KVKK).</summary>
    public static string Mask(string? normalized) =>
        normalized is { Length: 11 } n ? $"{n[..4]} *** ** {n[9..]}" : string.Empty;

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();
}
