using System.Text.RegularExpressions;

namespace Intranet.Core.Requests;

/// <summary>The reference number the citizen is told: "2026-000123" (year, then the year's sequence).</summary>
public static partial class RequestNumber
{
    public static string Format(int year, int sequence) => $"{year}-{sequence:D6}";

    public static bool LooksLikeNumber(string text) => Pattern().IsMatch(text.Trim());

    /// <summary>"2026-123" and "2026/000123" both become "2026-000123".</summary>
    public static string Normalize(string text)
    {
        var m = Pattern().Match(text.Trim());
        return m.Success ? Format(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : text.Trim();
    }

    [GeneratedRegex(@"^(20\d\d)[-/ ](\d{1,7})$")]
    private static partial Regex Pattern();
}
