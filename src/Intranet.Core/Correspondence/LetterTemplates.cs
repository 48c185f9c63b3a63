using System.Text.RegularExpressions;
using Intranet.Core.Common;

namespace Intranet.Core.Correspondence;

/// <summary>
/// Placeholders in letter templates: "{AdSoyad}", "{Unvan}" … A placeholder is letters and digits in braces.
/// {Sayi} and {Tarih} are filled by the register (the number and the letter's date); every other one needs a value,
/// and a letter with any left empty is refused with their names.
/// </summary>
public static partial class LetterTemplates
{
    public const string NumberField = "Sayi";
    public const string DateField = "Tarih";
    public static readonly string[] Automatic = [NumberField, DateField];

    /// <summary>The placeholders of a text, each once, in the order they first appear.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(params string?[] texts) =>
        texts.Where(t => t is not null).SelectMany(t => Placeholder().Matches(t!).Select(m => m.Groups[1].Value)).Distinct().ToList();

    /// <summary>The placeholders a person must fill: all but the automatic ones.</summary>
    public static IReadOnlyList<string> ToFill(params string?[] texts) => PlaceholdersOf(texts).Except(Automatic).ToList();

    /// <summary>The placeholders of the texts with no value (missing or blank).</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyDictionary<string, string?> values, params string?[] texts) =>
        PlaceholdersOf(texts).Where(p => !values.TryGetValue(p, out var v) || string.IsNullOrWhiteSpace(v)).ToList();

    /// <summary>The text with every placeholder replaced; throws a Turkish <see cref="ValidationException"/> naming any without a value.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values)
    {
        var missing = Missing(values, text);
        if (missing.Count > 0) throw MissingError(missing);
        return Placeholder().Replace(text, m => values[m.Groups[1].Value]!.Trim());
    }

    public static ValidationException MissingError(IReadOnlyList<string> missing) =>
        new($"Şablondaki şu alanlara değer girilmedi: {string.Join(", ", missing.Select(m => "{" + m + "}"))}. Değerleri girmeden yazı oluşturulamaz; hiçbir şey kaydedilmedi.",
            missing.ToDictionary(m => m, _ => "Bu alanın değerini girin."));

    /// <summary>A brace that is not part of a placeholder ("{Ad Soyad}", "{AdSoyad"), which would print as it is.</summary>
    public static bool HasStrayBrace(string text) => Placeholder().Replace(text, "").IndexOfAny(['{', '}']) >= 0;

    [GeneratedRegex(@"\{([\p{L}\p{Nd}_]+)\}")]
    private static partial Regex Placeholder();
}
