using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Muhtars;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Intranet.Web.Setup;

/// <summary>
/// Files of the muhtar feature: the mahalle karnesi as xlsx and docx (from <see cref="NeighbourhoodReportService"/>,
/// the same figures as the page), outgoing letters as docx, and register scans. The services check access; a refused
/// or invalid request gets its Turkish message with 403 or 400.
/// </summary>
public static class MuhtarEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static WebApplication MapMuhtarEndpoints(this WebApplication app)
    {
        var karne = app.MapGroup("/mahalleler").RequireAuthorization(Policies.Muhtars);
        karne.MapGet("/{id:int}/karne.xlsx", (int id, string? from, string? to, NeighbourhoodReportService reports, CancellationToken ct) =>
            Guard(async () =>
            {
                var report = await reports.GetAsync(id, Day(from), Day(to), ct);
                return Results.File(KarneWorkbook(report), XlsxType, FileName(report, "xlsx"));
            }));
        karne.MapGet("/{id:int}/karne.docx", (int id, string? from, string? to, NeighbourhoodReportService reports, CancellationToken ct) =>
            Guard(async () =>
            {
                var report = await reports.GetAsync(id, Day(from), Day(to), ct);
                return Results.File(KarneDocument.Build(report), DocxType, FileName(report, "docx"));
            }));

        var register = app.MapGroup("/evrak").RequireAuthorization(Policies.Correspondence);
        register.MapGet("/{id:int}/yazi.docx", (int id, RegisterQueries queries, CorrespondenceOptions options, CancellationToken ct) =>
            Guard(async () => await queries.GetAsync(id, ct) is { Entry: { Direction: RegisterDirection.Giden, Body: not null } entry }
                ? Results.File(LetterDocument.Build(entry, options), DocxType, $"{entry.Number}.docx")
                : Results.NotFound()));
        register.MapGet("/ek/{id:int}", (int id, RegisterQueries queries, CancellationToken ct) =>
            Guard(async () => await queries.AttachmentAsync(id, ct) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound()));
        return app;
    }

    private static async Task<IResult> Guard(Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (ValidationException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AccessDeniedException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>"2026-11-25" (the page's links) or "25.11.2026"; a missing or unreadable date is a Turkish 400.</summary>
    private static DateOnly Day(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ValidationException($"Dönem tarihi okunamadı: \"{text}\". Tarihleri GG.AA.YYYY biçiminde verin.");

    private static string FileName(NeighbourhoodReport r, string extension) =>
        $"{TurkishText.Fold(r.Name).Replace(' ', '-')}-karne-{r.From:yyyy-MM-dd}-{r.To:yyyy-MM-dd}.{extension}";

    /// <summary>One sheet per part of the karne; numbers stay numbers so Excel can sum and chart them.</summary>
    internal static byte[] KarneWorkbook(NeighbourhoodReport r)
    {
        var t = r.Totals;
        var sheets = new Dictionary<string, object>
        {
            ["Özet"] = new List<Dictionary<string, object?>>
            {
                Row("Mahalle", r.Name), Row("Dönem", $"{KarneDocument.Day(r.From)} – {KarneDocument.Day(r.To)}"), Row("Muhtar", r.Muhtar ?? "kayıtlı değil"),
                Row("Nüfus", r.Population), Row("Alınan başvuru", t.Total), Row("Açık", t.Open), Row("Çözülen", t.Resolved),
                Row("Süresi geçen (açık)", t.Overdue), Row("Medyan çözüm süresi (saat)", Round(t.MedianResolutionHours)),
                Row("1.000 kişi başına başvuru", Round(r.PerThousand)), Row("Mahalle ziyareti", r.NeighbourhoodVisits),
                Row("Muhtar toplantısı", r.Meetings), Row("Etkinlik", r.Events.Count), Row("Basında yer alma", r.Clippings.Count),
            },
            ["Konular"] = Breakdown("Konu", r.ByCategory),
            ["Müdürlükler"] = Breakdown("Müdürlük", r.ByDirectorate),
            ["Süresi Geçenler"] = r.Overdue.Select(o => new Dictionary<string, object?>
                { ["Numara"] = o.Number, ["Konu"] = o.Category, ["Müdürlük"] = o.Directorate, ["Durum"] = o.Status.Name(), ["Son Tarih"] = IstanbulTime.ToLocal(o.DueAt) }).ToList(),
            ["Yapılan İşler"] = r.WorkDone.Select(w => new Dictionary<string, object?>
                { ["Numara"] = w.Number, ["Konu"] = w.Category, ["Müdürlük"] = w.Directorate, ["Çözüldü"] = IstanbulTime.ToLocal(w.ResolvedAt), ["Yapılan İş"] = w.Resolution, ["Cevap"] = w.Reply }).ToList(),
            ["Ziyaretler"] = r.Visits.Select(v => new Dictionary<string, object?>
                { ["Tarih"] = IstanbulTime.ToLocal(v.StartsAt), ["Tür"] = v.Kind.Name(), ["Başlık"] = v.Title, ["Alınan Talep"] = v.Raised }).ToList(),
            ["Etkinlikler"] = r.Events.Select(e => new Dictionary<string, object?>
                { ["Tarih"] = IstanbulTime.ToLocal(e.StartsAt), ["Etkinlik"] = e.Title, ["Yer"] = e.Place }).ToList(),
            ["Basın"] = r.Clippings.Select(c => new Dictionary<string, object?>
                { ["Tarih"] = IstanbulTime.ToLocal(c.PublishedAt), ["Kaynak"] = c.Source, ["Başlık"] = c.Title, ["Adres"] = c.Url }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { TableStyles = TableStyles.Default });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string name, object? value) => new() { ["Gösterge"] = name, ["Değer"] = value };

    private static List<Dictionary<string, object?>> Breakdown(string column, IReadOnlyList<RequestStatisticsRow> rows) =>
        rows.Select(x => new Dictionary<string, object?>
        {
            [column] = x.Name, ["Toplam"] = x.Total, ["Açık"] = x.Open, ["Çözülen"] = x.Resolved, ["Süresi Geçen"] = x.Overdue,
            ["Medyan Çözüm Süresi (saat)"] = Round(x.MedianResolutionHours),
        }).ToList();

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
