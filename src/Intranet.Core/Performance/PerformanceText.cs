using Intranet.Core.Common;

namespace Intranet.Core.Performance;

/// <summary>Turkish names of the performance enums, as the screens and the xlsx files write them, and back.</summary>
public static class PerformanceText
{
    public static string Name(this IndicatorDirection d) => d switch
    {
        IndicatorDirection.LowerIsBetter => "Azalış",
        IndicatorDirection.WithinBand => "Aralık",
        _ => "Artış",
    };

    public static string Describe(this IndicatorDirection d) => d switch
    {
        IndicatorDirection.LowerIsBetter => "Azalması iyi",
        IndicatorDirection.WithinBand => "Aralıkta kalması iyi",
        _ => "Artması iyi",
    };

    public static string Name(this PeriodType t) => t switch
    {
        PeriodType.Monthly => "Aylık",
        PeriodType.SemiAnnual => "Altı aylık",
        PeriodType.Annual => "Yıllık",
        _ => "Çeyreklik",
    };

    public static string Name(this PeriodAggregation a) => a switch
    {
        PeriodAggregation.Average => "Ortalama",
        PeriodAggregation.LastValue => "Son değer",
        _ => "Kümülatif",
    };

    public static string Name(this ComputedKind k) => k switch
    {
        ComputedKind.RequestsAnsweredInTime => "Süresinde cevaplanan başvuru oranı",
        ComputedKind.MedianResolutionDays => "Medyan çözüm süresi (gün)",
        ComputedKind.NeighbourhoodVisits => "Mahalle ziyareti sayısı",
        ComputedKind.PositiveClippingShare => "Olumlu haber oranı",
        ComputedKind.NegativeClippings => "Olumsuz haber sayısı",
        _ => "Elle girilir",
    };

    public static string Name(this ActualStatus s) => s == ActualStatus.Onaylandi ? "Onaylandı" : "Taslak";

    public static string Name(this TrafficLight l) => l switch
    {
        TrafficLight.Yesil => "Yeşil",
        TrafficLight.Sari => "Sarı",
        TrafficLight.Kirmizi => "Kırmızı",
        _ => "Veri yok",
    };

    public static string Name(this ActualLogAction a) => a switch
    {
        ActualLogAction.Onaylandi => "Onaylandı",
        ActualLogAction.YenidenAcildi => "Yeniden açıldı",
        ActualLogAction.KanitEklendi => "Kanıt eklendi",
        ActualLogAction.KanitSilindi => "Kanıt silindi",
        _ => "Kaydedildi",
    };

    /// <summary>"%87,5"; "—" when there is no rate.</summary>
    public static string Percent(double? rate) => rate is { } r ? "%" + (r * 100).ToString("N1", TurkishText.Culture) : "—";

    /// <summary>A measured value with up to two decimals, Turkish style ("1.234,5").</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("#,##0.##", TurkishText.Culture) : "—";

    /// <summary>The enum value whose Turkish name (or C# name) matches the text, ignoring case and Turkish letters.</summary>
    public static bool TryParse<T>(string? text, Func<T, string> name, out T value) where T : struct, Enum
    {
        var key = TurkishText.Fold(text?.Trim());
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (TurkishText.Fold(name(candidate)) == key || TurkishText.Fold(candidate.ToString()) == key)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
