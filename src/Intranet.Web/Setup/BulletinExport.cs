using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Requests.Bulletin;
using MiniExcelLibs;

namespace Intranet.Web.Setup;

/// <summary>The monthly bulletin as an xlsx: a summary sheet and one sheet per breakdown, each month beside the one before.</summary>
public static class BulletinExport
{
    /// <summary><c>?ay=2026-10</c>; without it, last month (the one a bulletin is published for).</summary>
    public static async Task XlsxAsync(HttpContext http, MonthlyBulletin bulletin, TimeProvider clock, CancellationToken ct)
    {
        var (year, month) = MonthOf(http.Request.Query["ay"], IstanbulTime.Today(clock.GetUtcNow().UtcDateTime));
        var report = await bulletin.GetAsync(year, month, ct);
        var sheets = new Dictionary<string, object>
        {
            ["Özet"] = report.Summary.Select(r => new Dictionary<string, object?>
            {
                ["Gösterge"] = r.Name,
                ["Bu Ay"] = Value(r.Current, r.Unit),
                ["Önceki Ay"] = Value(r.Previous, r.Unit),
                ["Değişim"] = Value(r.Change, r.Unit),
                ["Birim"] = r.Unit switch { BulletinUnit.Share => "%", BulletinUnit.Days => "gün", _ => "adet" },
            }).ToList(),
            ["Tür"] = Lines("Başvuru Türü", report.ByType),
            ["Kanal"] = Lines("Kanal", report.ByChannel),
            ["Mahalle"] = Lines("Mahalle", report.ByNeighbourhood),
            ["Müdürlük"] = Lines("Müdürlük", report.ByDirectorate),
        };
        await RequestExportEndpoints.SendXlsxAsync(http, $"basvuru-bulteni-{year}-{month:00}.xlsx",
            (stream, token) => stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: RequestExportEndpoints.XlsxConfiguration, cancellationToken: token), ct);
    }

    /// <summary>"2026-10" → (2026, 10); anything else → the month before <paramref name="today"/>.</summary>
    public static (int Year, int Month) MonthOf(string? value, DateOnly today)
    {
        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (day.Year, day.Month);
        var previous = today.AddMonths(-1);
        return (previous.Year, previous.Month);
    }

    /// <summary>Shares as percentages and days with one decimal, so the sheet reads like the page.</summary>
    private static double? Value(double? v, BulletinUnit unit) => v is not { } x ? null : unit switch
    {
        BulletinUnit.Share => Math.Round(x * 100, 1),
        BulletinUnit.Days => Math.Round(x, 1),
        _ => x,
    };

    private static List<Dictionary<string, object?>> Lines(string header, IReadOnlyList<BulletinLine> lines) =>
        lines.Append(new BulletinLine("Toplam", lines.Sum(l => l.Count), lines.Sum(l => l.PreviousCount)))
            .Select(l => new Dictionary<string, object?>
            {
                [header] = l.Name,
                ["Bu Ay"] = l.Count,
                ["Önceki Ay"] = l.PreviousCount,
                ["Değişim (%)"] = l.Change is { } c ? Math.Round(c * 100, 1) : null,
            }).ToList();
}
