using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Core.Press;
using Intranet.Web.Components.Pages.Press;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Intranet.Web.Setup;

/// <summary>
/// The press feature's files: scanned pages (shown in the browser), the archive export and the figures export.
/// Filters come from the pages' own query strings (<see cref="PressFilterQuery"/>), rows from the same services.
/// </summary>
public static class PressEndpoints
{
    private static readonly OpenXmlConfiguration Xlsx = new() { TableStyles = TableStyles.Default, AutoFilter = true };

    public static WebApplication MapPressEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/basin").RequireAuthorization(Policies.Press);
        group.MapGet("/tarama/{id:int}", async (int id, PressQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (await queries.ScanAsync(id, ct) is not { } scan) return Results.NotFound();
            // Shown inline (an image or a PDF viewer), named for "save as"; the type was checked by the file's bytes.
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = scan.FileName, Inline = true }.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(scan.Content, scan.ContentType);
        });
        group.MapGet("/arsiv/disa-aktar.xlsx", ArchiveXlsxAsync);
        group.MapGet("/rakamlar/disa-aktar.xlsx", FiguresXlsxAsync);
        return app;
    }

    private static ClippingFilter FilterOf(HttpContext http) => PressFilterQuery.FromQuery(http.Request.Query.ToDictionary(q => q.Key, q => q.Value));

    private static async Task ArchiveXlsxAsync(HttpContext http, PressQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var r in queries.ExportAsync(FilterOf(http), ct))
            rows.Add(new Dictionary<string, object?>
            {
                ["Yayın"] = IstanbulTime.ToLocal(r.PublishedAt),
                ["Kaynak"] = r.Source,
                ["Tür"] = r.Kind.Name(),
                ["Başlık"] = r.Title,
                ["Ton"] = r.Tone.Name(),
                ["Konu"] = r.Topic,
                ["Önem"] = r.Importance == 0 ? null : r.Importance,
                ["Cevap/tekzip"] = r.NeedsAnswer ? "Evet" : "Hayır",
                ["Eşleşen kurallar"] = r.MatchedRules,
                ["Sayfa / program"] = r.Page ?? r.Program,
                ["Yazar"] = r.Columnist,
                ["Adres"] = r.Url,
            });
        await SendAsync(http, "basin-arsivi", clock, (stream, token) => stream.SaveAsAsync(rows, sheetName: "Kupürler", excelType: ExcelType.XLSX, configuration: Xlsx, cancellationToken: token), ct);
    }

    private static async Task FiguresXlsxAsync(HttpContext http, PressStatistics statistics, TimeProvider clock, CancellationToken ct)
    {
        var f = await statistics.ComputeAsync(FilterOf(http), ct);
        Dictionary<string, object?> Tones(string label, object key, ToneCounts c) => new()
        {
            [label] = key, ["Toplam"] = c.Total, ["Olumlu"] = c.Olumlu, ["Nötr"] = c.Notr, ["Olumsuz"] = c.Olumsuz,
            ["Olumlu (%)"] = c.Share(Tone.Olumlu), ["Olumsuz (%)"] = c.Share(Tone.Olumsuz),
        };
        var sheets = new Dictionary<string, object>
        {
            ["Günlük"] = f.PerDay.Select(d => Tones("Gün", d.Start.ToDateTime(TimeOnly.MinValue), d.Counts)).ToList(),
            [f.Weekly ? "Haftalık ton" : "Günlük ton"] = f.ToneOverTime.Select(d => Tones(f.Weekly ? "Hafta başı" : "Gün", d.Start.ToDateTime(TimeOnly.MinValue), d.Counts)).ToList(),
            ["Kaynaklar"] = f.PerSource.Select(s => new Dictionary<string, object?> { ["Kaynak"] = s.Name, ["Kupür"] = s.Count, ["Olumsuz"] = s.Olumsuz }).ToList(),
            ["Konular"] = f.TopTopics.Select(s => new Dictionary<string, object?> { ["Konu"] = s.Name, ["Kupür"] = s.Count, ["Olumsuz"] = s.Olumsuz }).ToList(),
        };
        await SendAsync(http, "basin-rakamlari", clock, (stream, token) => stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: Xlsx, cancellationToken: token), ct);
    }

    /// <summary>The same temporary-file streaming as the request exports.</summary>
    private static Task SendAsync(HttpContext http, string stem, TimeProvider clock, Func<Stream, CancellationToken, Task> write, CancellationToken ct) =>
        RequestExportEndpoints.SendXlsxAsync(http, $"{stem}-{IstanbulTime.Today(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.xlsx", write, ct);
}
