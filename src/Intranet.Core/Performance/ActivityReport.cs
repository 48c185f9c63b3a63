using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Intranet.Core.Performance;

/// <summary>One indicator line of the faaliyet raporu's performance table.</summary>
public sealed record ActivityReportLine(
    string Goal,
    string Objective,
    string Code,
    string Indicator,
    string Directorate,
    string Unit,
    double? YearTarget,
    double? Actual,
    double? Rate,
    TrafficLight Light,
    string PeriodsReported,
    string Explanation);

/// <summary>
/// The year's table in the shape the faaliyet raporu asks for: each indicator's yearly target, the actual, the rate and
/// the explanation of deviations, under its goal and objective; and the rolled-up rates of goals and objectives.
/// </summary>
public static class ActivityReport
{
    public static IReadOnlyList<ActivityReportLine> Lines(PerformanceReviewResult review) =>
        review.Goals.SelectMany(g => g.Objectives.SelectMany(o => o.Indicators.Select(i => new ActivityReportLine(
            $"{g.Code} {g.Title}", $"{o.Code} {o.Title}", i.Code, i.Name, i.Directorate, i.Unit, i.YearTarget?.Target, i.Year.Actual, i.Year.Rate, i.Light,
            $"{i.Year.Reported}/{i.Periods.Count}",
            string.Join("\n", i.Periods.Where(p => p.Explanation is not null).Select(p => $"{p.Label}: {p.Explanation}"))))))
        .ToList();

    public static Task WriteAsync(Stream stream, PerformanceReviewResult review, CancellationToken ct)
    {
        static object? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
        var indicators = Lines(review).Select(l => new Dictionary<string, object?>
        {
            ["Amaç"] = l.Goal, ["Hedef"] = l.Objective, ["Gösterge Kodu"] = l.Code, ["Performans Göstergesi"] = l.Indicator,
            ["Sorumlu Müdürlük"] = l.Directorate, ["Birim"] = l.Unit, ["Yıllık Hedef"] = l.YearTarget, ["Gerçekleşme"] = l.Actual is { } a ? Math.Round(a, 2) : null,
            ["Gerçekleşme Oranı (%)"] = Percent(l.Rate), ["Durum"] = l.Light.Name(), ["Raporlanan Dönem"] = l.PeriodsReported,
            ["Sapmanın Nedenleri"] = l.Explanation,
        }).ToList();
        var rollUps = review.Goals.SelectMany(g => new[] { (Level: "Amaç", g.Code, g.Title, g.Weight, g.RollUp, g.Light) }
                .Concat(g.Objectives.Select(o => (Level: "Hedef", o.Code, o.Title, o.Weight, o.RollUp, o.Light))))
            .Select(x => new Dictionary<string, object?>
            {
                ["Düzey"] = x.Level, ["Kod"] = x.Code, ["Başlık"] = x.Title, ["Ağırlık"] = x.Weight, ["Gerçekleşme Oranı (%)"] = Percent(x.RollUp.Rate),
                ["Durum"] = x.Light.Name(), ["Hesaba Katılan"] = x.RollUp.Included, ["Verisi Olmayan"] = x.RollUp.Excluded,
            })
            .Append(new Dictionary<string, object?>
            {
                ["Düzey"] = "Genel", ["Kod"] = "", ["Başlık"] = review.ScopeName, ["Ağırlık"] = null, ["Gerçekleşme Oranı (%)"] = Percent(review.Overall.Rate),
                ["Durum"] = review.Light.Name(), ["Hesaba Katılan"] = review.Overall.Included, ["Verisi Olmayan"] = review.Overall.Excluded,
            }).ToList();
        var sheets = new Dictionary<string, object> { [$"Faaliyet Raporu {review.Year}"] = indicators, ["Amaç ve Hedefler"] = rollUps };
        return stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = true }, cancellationToken: ct);
    }
}
