using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Performance;

namespace Intranet.Core.Seeding;

/// <summary>
/// A performance programme extract: the 2025–2029 strategic plan with six goals, their objectives and fifteen
/// indicators (five computed from the intranet's own records), yearly targets, and the quarters already reported —
/// approved a month after the quarter ends, the latest one still a draft. Also the Strateji Geliştirme demo accounts.
/// </summary>
internal static class DemoPerformance
{
    private sealed record IndicatorSeed(string Code, string Name, string Directorate, string Unit, IndicatorDirection Direction,
        PeriodAggregation Aggregation, double Baseline, double[] Targets, ComputedKind Computed = ComputedKind.None, bool Municipality = false);

    private sealed record ObjectiveSeed(string Code, string Title, IndicatorSeed[] Indicators);

    private sealed record GoalSeed(string Code, string Title, double Weight, ObjectiveSeed[] Objectives);

    private const int StartYear = 2025, EndYear = 2029;

    private static readonly GoalSeed[] Goals =
    [
        new("A1", "Kentsel altyapıyı ve ulaşımı güçlendirmek", 1,
        [
            new("H1.1", "Ulaşım altyapısını iyileştirmek",
            [
                new("PG-FEN-01", "Serilen asfalt miktarı", "FEN", "ton", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 42000, [45000, 48000, 50000, 52000, 54000]),
                new("PG-FEN-02", "Yenilenen kaldırım alanı", "FEN", "m²", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 30000, [32000, 35000, 38000, 40000, 42000]),
            ]),
        ]),
        new("A2", "Temiz, yeşil ve yaşanabilir bir kent oluşturmak", 1,
        [
            new("H2.1", "Sıfır atık hedefine ulaşmak",
                [new("PG-TEM-01", "Geri dönüşüme kazandırılan ambalaj atığı", "TEM", "ton", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 5200, [5600, 6000, 6500, 7000, 7500])]),
            new("H2.2", "Temizlik hizmetlerinde hızı artırmak",
                [new("PG-TEM-02", "Temizlik başvurularında medyan çözüm süresi", "TEM", "gün", IndicatorDirection.LowerIsBetter, PeriodAggregation.Average, 2.5, [2.2, 2.0, 1.8, 1.6, 1.5], ComputedKind.MedianResolutionDays)]),
            new("H2.3", "Kişi başına yeşil alanı artırmak",
                [new("PG-PARK-01", "Kişi başına aktif yeşil alan", "PARK", "m²/kişi", IndicatorDirection.HigherIsBetter, PeriodAggregation.LastValue, 6.2, [6.8, 7.4, 8.0, 8.6, 9.2])]),
            new("H2.4", "Sahipsiz hayvanların sağlığını korumak",
                [new("PG-VET-01", "Kısırlaştırılan sahipsiz hayvan", "VET", "adet", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 3800, [4000, 4200, 4400, 4600, 4800])]),
        ]),
        new("A3", "Güvenli ve düzenli bir kent sağlamak", 1,
        [
            new("H3.1", "Kent düzenini ve esnaf denetimini güçlendirmek",
                [new("PG-ZAB-01", "Denetlenen işyeri sayısı", "ZAB", "adet", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 9000, [9500, 10000, 10500, 11000, 11500])]),
        ]),
        new("A4", "Vatandaş odaklı, katılımcı ve şeffaf bir yönetim", 1.5,
        [
            new("H4.1", "Başvuruları zamanında sonuçlandırmak",
            [
                new("PG-HALK-01", "Süresinde cevaplanan başvuru oranı", "HALK", "%", IndicatorDirection.HigherIsBetter, PeriodAggregation.Average, 78, [82, 85, 88, 90, 92], ComputedKind.RequestsAnsweredInTime, Municipality: true),
                new("PG-HALK-02", "Vatandaş memnuniyet oranı", "HALK", "%", IndicatorDirection.HigherIsBetter, PeriodAggregation.Average, 74, [76, 78, 80, 82, 84]),
            ]),
            new("H4.2", "Mahallelerle iletişimi güçlendirmek",
                [new("PG-MUHT-01", "Mahalle ziyareti sayısı", "MUHT", "adet", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 20, [24, 30, 36, 40, 44], ComputedKind.NeighbourhoodVisits, Municipality: true)]),
            new("H4.3", "Kamuoyunu doğru ve zamanında bilgilendirmek",
            [
                new("PG-BASIN-01", "Olumlu haber oranı", "BASIN", "%", IndicatorDirection.HigherIsBetter, PeriodAggregation.Average, 50, [55, 58, 60, 62, 65], ComputedKind.PositiveClippingShare),
                new("PG-BASIN-02", "Olumsuz haber sayısı", "BASIN", "adet", IndicatorDirection.LowerIsBetter, PeriodAggregation.Cumulative, 200, [180, 160, 150, 140, 130], ComputedKind.NegativeClippings),
            ]),
        ]),
        new("A5", "Sosyal ve kültürel yaşamı zenginleştirmek", 1,
        [
            new("H5.1", "Sosyal dayanışmayı güçlendirmek",
                [new("PG-SOS-01", "Sosyal yardım ulaştırılan hane", "SOS", "hane", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 11000, [11500, 12000, 12500, 13000, 13500])]),
            new("H5.2", "Kültürel hayatı zenginleştirmek",
                [new("PG-KULT-01", "Kültür-sanat etkinliklerine katılım", "KULT", "kişi", IndicatorDirection.HigherIsBetter, PeriodAggregation.Cumulative, 150000, [160000, 170000, 180000, 190000, 200000])]),
        ]),
        new("A6", "Mali disiplini ve kurumsal kapasiteyi güçlendirmek", 1,
        [
            new("H6.1", "Bütçeyi plana uygun uygulamak",
                [new("PG-STRAT-01", "Bütçe gerçekleşme oranı", "STRAT", "%", IndicatorDirection.WithinBand, PeriodAggregation.Average, 91, [95, 95, 95, 95, 95])]),
        ]),
    ];

    public static async Task SeedAsync(IntranetDbContext db, IReadOnlyDictionary<string, Directorate> directorates, Random rng, DateTime now, CancellationToken ct)
    {
        db.Users.AddRange(StrategyUsers(directorates["STRAT"]));
        db.StrategicPlans.Add(new StrategicPlan
        {
            Name = $"{StartYear}–{EndYear} Stratejik Planı",
            StartYear = StartYear,
            EndYear = EndYear,
            Goals = Goals.Select(g => new StrategicGoal
            {
                Code = g.Code, Title = g.Title, Weight = g.Weight,
                Objectives = g.Objectives.Select(o => new StrategicObjective
                {
                    Code = o.Code, Title = o.Title, Indicators = o.Indicators.Select(s => Indicator(s, rng, now, directorates)).ToList(),
                }).ToList(),
            }).ToList(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>demo-strat-mudur (Director) and demo-strat-personel (Staff) maintain the programme.</summary>
    private static IEnumerable<AppUser> StrategyUsers(Directorate strategy) =>
        new[] { ("demo-strat-mudur", "Gönül Aydınoğlu", Roles.Director, "Strateji Geliştirme Müdürü", "05301112249"),
                ("demo-strat-personel", "Serdar Çelikkaya", Roles.Staff, "Performans Uzmanı", "05391112250") }
        .Select(u => new AppUser
        {
            ObjectId = u.Item1, DisplayName = u.Item2, Roles = u.Item3, Title = u.Item4, Phone = Common.PhoneNumber.Normalize(u.Item5),
            Email = $"{DemoData.MailboxOf(u.Item2)}@{DemoData.MailDomain}", Directorate = strategy, IsDemo = true,
        });

    private static PerformanceIndicator Indicator(IndicatorSeed s, Random rng, DateTime now, IReadOnlyDictionary<string, Directorate> directorates)
    {
        var band = s.Direction == IndicatorDirection.WithinBand;
        var indicator = new PerformanceIndicator
        {
            Code = s.Code, Name = s.Name, DirectorateId = directorates[s.Directorate].Id, Unit = s.Unit, Direction = s.Direction, Baseline = s.Baseline,
            Aggregation = s.Aggregation, Computed = s.Computed, ComputeForMunicipality = s.Municipality,
            DataSource = s.Computed != ComputedKind.None ? "İntranet kayıtları (otomatik hesaplanır)" : $"{directorates[s.Directorate].Name} faaliyet kayıtları",
            Formula = s.Computed != ComputedKind.None ? s.Computed.Name() : s.Aggregation == PeriodAggregation.Cumulative ? "Dönem içinde gerçekleşen miktarların toplamı" : "Dönem sonu ölçümü",
            Targets = s.Targets.Select((t, i) => new IndicatorTarget
            {
                Year = StartYear + i, Target = t, BandLow = band ? t - 5 : null, BandHigh = band ? t + 5 : null,
            }).ToList(),
        };
        // Computed indicators need no typing: the review follows the records until a director approves a period.
        if (s.Computed != ComputedKind.None) return indicator;
        for (var y = 0; y < s.Targets.Length; y++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var year = StartYear + y;
                var quarterEnd = PerformancePeriods.EndUtc(year, PeriodType.Quarterly, quarter);
                if (quarterEnd > now) continue;
                var approved = quarterEnd.AddDays(30) <= now;
                var cumulative = s.Aggregation == PeriodAggregation.Cumulative;
                var value = cumulative ? s.Targets[y] / 4 * (0.8 + rng.NextDouble() * 0.35)
                    : band ? s.Targets[y] * (0.97 + rng.NextDouble() * 0.06)
                    : s.Targets[y] * (0.92 + rng.NextDouble() * 0.14);
                value = Math.Round(value, cumulative ? 0 : 1);
                var target = Achievement.PeriodTarget(s.Aggregation, new TargetSpec(s.Targets[y], band ? s.Targets[y] - 5 : null, band ? s.Targets[y] + 5 : null), 4);
                var explain = Achievement.NeedsExplanation(Achievement.Rate(s.Direction, value, target), 0.10);
                indicator.Actuals.Add(new IndicatorActual
                {
                    Year = year, Period = quarter, Value = value, Status = approved ? ActualStatus.Onaylandi : ActualStatus.Taslak,
                    Explanation = explain ? (value < target.Target ? "Hava koşulları ve ihale süreci nedeniyle hedefin altında kalındı." : "Ek ödenekle planlanandan fazla iş yapıldı.") : null,
                    EnteredBy = $"{directorates[s.Directorate].Name}", EnteredAt = quarterEnd.AddDays(7),
                    ApprovedBy = approved ? $"{directorates[s.Directorate].Name} Müdürü" : null, ApprovedAt = approved ? quarterEnd.AddDays(15) : null,
                });
            }
        }
        return indicator;
    }
}
