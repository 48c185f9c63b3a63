using Intranet.Core.Organization;
using Intranet.Core.Performance;

namespace Intranet.Core.Seeding;

/// <summary>A performance programme extract: twelve indicators with 2025–2027 targets and the quarters already reported.</summary>
internal static class DemoPerformance
{
    /// <summary><paramref name="IsRate"/>: a quarter reports the level itself (%, hours), not a quarter's share of the yearly total.</summary>
    private sealed record IndicatorSeed(string Code, string Name, string Directorate, string Unit, IndicatorDirection Direction, double Baseline, double[] Targets, bool IsRate, string Objective);

    private static readonly int[] Years = [2025, 2026, 2027];

    private static readonly IndicatorSeed[] Seeds =
    [
        new("PG-FEN-01", "Serilen asfalt miktarı", "FEN", "ton", IndicatorDirection.HigherIsBetter, 42000, [45000, 48000, 50000], false, "Ulaşım altyapısının iyileştirilmesi"),
        new("PG-FEN-02", "Yenilenen kaldırım alanı", "FEN", "m²", IndicatorDirection.HigherIsBetter, 30000, [32000, 35000, 38000], false, "Yaya erişiminin iyileştirilmesi"),
        new("PG-TEM-01", "Geri dönüşüme kazandırılan ambalaj atığı", "TEM", "ton", IndicatorDirection.HigherIsBetter, 5200, [5600, 6000, 6500], false, "Sıfır atık hedefine ulaşılması"),
        new("PG-TEM-02", "Çöp şikâyetlerinde ortalama çözüm süresi", "TEM", "saat", IndicatorDirection.LowerIsBetter, 20, [18, 16, 14], true, "Temizlik hizmetlerinde hız"),
        new("PG-PARK-01", "Kazandırılan yeni yeşil alan", "PARK", "m²", IndicatorDirection.HigherIsBetter, 18000, [20000, 22000, 25000], false, "Kişi başına yeşil alanın artırılması"),
        new("PG-ZAB-01", "Denetlenen işyeri sayısı", "ZAB", "adet", IndicatorDirection.HigherIsBetter, 9000, [9500, 10000, 10500], false, "Kent düzeninin sağlanması"),
        new("PG-HALK-01", "Süresinde çözülen başvuru oranı", "HALK", "%", IndicatorDirection.HigherIsBetter, 78, [82, 85, 88], true, "Vatandaş odaklı hizmet"),
        new("PG-HALK-02", "Vatandaş memnuniyet oranı", "HALK", "%", IndicatorDirection.HigherIsBetter, 74, [76, 78, 80], true, "Vatandaş odaklı hizmet"),
        new("PG-SOS-01", "Sosyal yardım ulaştırılan hane", "SOS", "hane", IndicatorDirection.HigherIsBetter, 11000, [11500, 12000, 12500], false, "Sosyal dayanışmanın güçlendirilmesi"),
        new("PG-KULT-01", "Kültür-sanat etkinliklerine katılım", "KULT", "kişi", IndicatorDirection.HigherIsBetter, 150000, [160000, 170000, 180000], false, "Kültürel hayatın zenginleştirilmesi"),
        new("PG-VET-01", "Kısırlaştırılan sahipsiz hayvan", "VET", "adet", IndicatorDirection.HigherIsBetter, 3800, [4000, 4200, 4400], false, "Sahipsiz hayvanların sağlığı"),
        new("PG-STRAT-01", "Bütçe gerçekleşme oranı", "STRAT", "%", IndicatorDirection.WithinBand, 91, [95, 95, 95], true, "Mali disiplin"),
    ];

    public static IEnumerable<PerformanceIndicator> Indicators(Random rng, DateTime now, IReadOnlyDictionary<string, Directorate> directorates)
    {
        foreach (var s in Seeds)
        {
            var indicator = new PerformanceIndicator
            {
                Code = s.Code,
                Name = s.Name,
                DirectorateId = directorates[s.Directorate].Id,
                Unit = s.Unit,
                Direction = s.Direction,
                Baseline = s.Baseline,
                Objective = s.Objective,
                DataSource = s.Directorate == "HALK" ? "İntranet başvuru kayıtları" : $"{directorates[s.Directorate].Name} faaliyet kayıtları",
                Targets = Years.Select((y, i) => new IndicatorTarget { Year = y, Target = s.Targets[i] }).ToList(),
            };
            for (var y = 0; y < Years.Length; y++)
            {
                for (var quarter = 1; quarter <= 4; quarter++)
                {
                    // Only quarters that have ended; the last month's report is still a draft awaiting approval.
                    var quarterEnd = DemoClock.FromIstanbul(new DateTime(Years[y], quarter * 3, 1).AddMonths(1));
                    if (quarterEnd > now) continue;
                    var approved = quarterEnd.AddDays(30) <= now;
                    var value = s.IsRate
                        ? s.Targets[y] * (0.92 + rng.NextDouble() * 0.14)
                        : s.Targets[y] / 4 * (0.8 + rng.NextDouble() * 0.35);
                    var expected = s.Targets[y] / (s.IsRate ? 1 : 4);
                    var behind = s.Direction == IndicatorDirection.LowerIsBetter ? value > expected : value < expected;
                    indicator.Actuals.Add(new IndicatorActual
                    {
                        Year = Years[y],
                        Period = quarter,
                        Value = Math.Round(value, s.IsRate ? 1 : 0),
                        Explanation = behind ? "Hava koşulları ve ihale süreci nedeniyle hedefin altında kalındı." : null,
                        Status = approved ? ActualStatus.Onaylandi : ActualStatus.Taslak,
                        ApprovedBy = approved ? "Strateji Geliştirme Müdürlüğü" : null,
                        ApprovedAt = approved ? quarterEnd.AddDays(15) : null,
                    });
                }
            }
            yield return indicator;
        }
    }
}
