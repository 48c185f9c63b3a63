using System.Globalization;
using System.Text;
using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Web.Components.Pages.Requests;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Intranet.Web.Setup;

/// <summary>
/// Downloads of the request list (xlsx, csv) and of the statistics (xlsx, one sheet per dimension). The filter comes
/// from the list's own query-string keys (<see cref="RequestFilterQuery"/>); rows and scoping come from the same
/// services as the pages, so a file holds exactly what the user sees on screen.
/// </summary>
public static class RequestExportEndpoints
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static WebApplication MapRequestExports(this WebApplication app)
    {
        var group = app.MapGroup("/basvurular").RequireAuthorization(Policies.Requests);
        group.MapGet("/disa-aktar.xlsx", ListXlsxAsync);
        group.MapGet("/disa-aktar.csv", ListCsvAsync);
        group.MapGet("/istatistik/disa-aktar.xlsx", StatisticsXlsxAsync);
        return app;
    }

    private static RequestFilter FilterOf(HttpContext http) =>
        RequestFilterQuery.FromQuery(http.Request.Query.ToDictionary(q => q.Key, q => q.Value));

    internal static string FileName(string stem, string extension, TimeProvider clock) =>
        $"{stem}-{IstanbulTime.Today(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.{extension}";

    private static async Task ListXlsxAsync(HttpContext http, RequestExport export, TimeProvider clock, CancellationToken ct)
    {
        export.Demand();
        var rows = ToExcel(export.RowsAsync(FilterOf(http), ct));
        await SendXlsxAsync(http, FileName("basvurular", "xlsx", clock),
            (stream, token) => stream.SaveAsAsync(rows, sheetName: "Başvurular", excelType: ExcelType.XLSX, configuration: XlsxConfiguration, cancellationToken: token), ct);
    }

    /// <summary>UTF-8 with a BOM and ';' between fields: what Excel opened in Turkish expects, Turkish letters intact.</summary>
    private static async Task ListCsvAsync(HttpContext http, RequestExport export, TimeProvider clock, CancellationToken ct)
    {
        export.Demand();
        var filter = FilterOf(http);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = ContentDisposition(FileName("basvurular", "csv", clock));
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await writer.WriteAsync(string.Join(';', RequestExport.Headers.Select(Csv)) + "\r\n");
        var count = 0;
        await foreach (var r in export.RowsAsync(filter, ct))
        {
            await writer.WriteAsync(string.Join(';', new[]
            {
                r.Number, r.CreatedAt.ToString("dd.MM.yyyy HH:mm", Turkish), r.Type, r.Channel, r.Status, r.Category, r.Neighbourhood,
                r.Directorate, r.Assignee, r.DueAt.ToString("dd.MM.yyyy HH:mm", Turkish), r.Overdue ? "Evet" : "Hayır", r.Text,
                r.Priority, r.Citizen, r.CimerNumber, r.CimerType, r.Answers,
            }.Select(Csv)) + "\r\n");
            // Flush per page, so the download streams while the next page is read.
            if (++count % RequestExport.PageSize == 0) await writer.FlushAsync(ct);
        }
    }

    private static async Task StatisticsXlsxAsync(HttpContext http, RequestStatistics statistics, TimeProvider clock, CancellationToken ct)
    {
        var results = await statistics.GetAllAsync(FilterOf(http), ct);
        var sheets = results.ToDictionary(r => RequestStatistics.Name(r.Dimension), r => (object)StatisticsSheet(r));
        await SendXlsxAsync(http, FileName("basvuru-istatistikleri", "xlsx", clock),
            (stream, token) => stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: XlsxConfiguration, cancellationToken: token), ct);
    }

    /// <summary>One line per key and a closing "Toplam" line; hours and shares as numbers, so Excel can sum and chart them.</summary>
    private static List<Dictionary<string, object?>> StatisticsSheet(RequestStatisticsResult result) =>
        result.Rows.Append(result.Total).Select(r => new Dictionary<string, object?>
        {
            [RequestStatistics.Name(result.Dimension)] = r.Name,
            ["Toplam"] = r.Total,
            ["Açık"] = r.Open,
            ["Çözülen"] = r.Resolved,
            ["Geciken"] = r.Overdue,
            ["Dış Kuruma Yönlendirilen"] = r.Forwarded,
            ["Medyan Çözüm Süresi (saat)"] = r.MedianResolutionHours is { } m ? Math.Round(m, 1) : null,
            ["%90 Çözüm Süresi (saat)"] = r.P90ResolutionHours is { } p ? Math.Round(p, 1) : null,
            ["Süresinde Çözülme Oranı (%)"] = r.ShareWithinDeadline is { } s ? Math.Round(s * 100, 1) : null,
        }).ToList();

    internal static readonly OpenXmlConfiguration XlsxConfiguration = new() { TableStyles = TableStyles.Default, AutoFilter = true };

    /// <summary>
    /// The workbook is written to a temporary file first (a zip needs to seek; the response cannot), then streamed
    /// out; the file deletes itself on close.
    /// </summary>
    internal static async Task SendXlsxAsync(HttpContext http, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"intranet-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file, ct);
        file.Position = 0;
        http.Response.ContentType = XlsxType;
        http.Response.ContentLength = file.Length;
        http.Response.Headers.ContentDisposition = ContentDisposition(fileName);
        await file.CopyToAsync(http.Response.Body, ct);
    }

    private static string ContentDisposition(string fileName) =>
        new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();

    private static async IAsyncEnumerable<ExcelRow> ToExcel(IAsyncEnumerable<RequestExportRow> rows)
    {
        await foreach (var r in rows)
            yield return new ExcelRow
            {
                Numara = r.Number, Tarih = r.CreatedAt, Tur = r.Type, Kanal = r.Channel, Durum = r.Status, Konu = r.Category,
                Mahalle = r.Neighbourhood, Mudurluk = r.Directorate, Atanan = r.Assignee, SonTarih = r.DueAt,
                Gecikmis = r.Overdue ? "Evet" : "Hayır", Metin = r.Text,
                Oncelik = r.Priority, BasvuruSahibi = r.Citizen, CimerNumarasi = r.CimerNumber, CimerTuru = r.CimerType, EkBilgiler = r.Answers,
            };
    }

    /// <summary>Quotes a field when it holds the separator, a quote or a line break (RFC 4180, with ';').</summary>
    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>An xlsx row: MiniExcel takes the headers and formats from the attributes.</summary>
    private sealed class ExcelRow
    {
        [ExcelColumn(Name = "Numara", Width = 14)] public string Numara { get; init; } = "";
        [ExcelColumn(Name = "Tarih", Format = "dd.MM.yyyy HH:mm", Width = 17)] public DateTime Tarih { get; init; }
        [ExcelColumn(Name = "Tür", Width = 16)] public string Tur { get; init; } = "";
        [ExcelColumn(Name = "Kanal", Width = 14)] public string Kanal { get; init; } = "";
        [ExcelColumn(Name = "Durum", Width = 14)] public string Durum { get; init; } = "";
        [ExcelColumn(Name = "Konu", Width = 28)] public string Konu { get; init; } = "";
        [ExcelColumn(Name = "Mahalle", Width = 18)] public string Mahalle { get; init; } = "";
        [ExcelColumn(Name = "Müdürlük", Width = 28)] public string Mudurluk { get; init; } = "";
        [ExcelColumn(Name = "Atanan", Width = 20)] public string Atanan { get; init; } = "";
        [ExcelColumn(Name = "Son Tarih", Format = "dd.MM.yyyy HH:mm", Width = 17)] public DateTime SonTarih { get; init; }
        [ExcelColumn(Name = "Gecikmiş", Width = 10)] public string Gecikmis { get; init; } = "";
        [ExcelColumn(Name = "Başvuru Metni", Width = 80)] public string Metin { get; init; } = "";
        [ExcelColumn(Name = "Öncelik", Width = 10)] public string Oncelik { get; init; } = "";
        [ExcelColumn(Name = "Başvuru Sahibi", Width = 20)] public string BasvuruSahibi { get; init; } = "";
        [ExcelColumn(Name = "CİMER Numarası", Width = 18)] public string CimerNumarasi { get; init; } = "";
        [ExcelColumn(Name = "CİMER Türü", Width = 14)] public string CimerTuru { get; init; } = "";
        [ExcelColumn(Name = "Ek Bilgiler", Width = 40)] public string EkBilgiler { get; init; } = "";
    }
}
