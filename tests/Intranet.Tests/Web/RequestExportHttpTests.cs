using System.Net;
using System.Text;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Intranet.Tests.Web;

/// <summary>The request and statistics downloads through the real app: headers, rows, masking, scoping, sign-in.</summary>
public class RequestExportHttpTests(RequestExportHttpTests.App app) : IClassFixture<RequestExportHttpTests.App>
{
    public sealed class App : IntranetWebFactory;

    private const string Fen = "Fen İşleri Müdürlüğü";

    private IntranetDbContext Database() => app.Database();

    private static async Task<MemoryStream> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream;
    }

    [Fact]
    public async Task A_staff_members_xlsx_holds_exactly_their_directorates_requests_with_turkish_headers()
    {
        await using var db = Database();
        var fenCount = await db.Requests.CountAsync(r => r.Directorate!.Name == Fen);
        var newest = await db.Requests.Where(r => r.Directorate!.Name == Fen).OrderByDescending(r => r.Id).FirstAsync();
        var client = await app.SignedInClientAsync("demo-fen-personel-1");

        using var file = await DownloadAsync(client, "/basvurular/disa-aktar.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Equal(RequestExport.Headers, MiniExcel.GetColumns(file, useHeaderRow: true));
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.True(fenCount > 0);
        Assert.Equal(fenCount, rows.Count);
        Assert.All(rows, r => Assert.Equal(Fen, r["Müdürlük"]));
        var first = rows[0];
        Assert.Equal(newest.Number, first["Numara"]);
        // Istanbul wall-clock time, to the minute.
        var shown = first["Tarih"] is DateTime dt ? dt : DateTime.FromOADate(Convert.ToDouble(first["Tarih"]));
        Assert.Equal(IstanbulTime.ToLocal(newest.CreatedAt).ToString("yyyy-MM-dd HH:mm"), shown.ToString("yyyy-MM-dd HH:mm"));
        Assert.Equal(RequestExport.MaskText(newest.Text), first["Başvuru Metni"]);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_a_bom_semicolons_and_the_filter_of_the_query_string()
    {
        await using var db = Database();
        var neighbourhood = await db.Requests.GroupBy(r => r.NeighbourhoodId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var name = await db.Neighbourhoods.Where(n => n.Id == neighbourhood).Select(n => n.Name).SingleAsync();
        var expected = await db.Requests.CountAsync(r => r.NeighbourhoodId == neighbourhood);
        var client = await app.SignedInClientAsync("demo-admin");

        using var file = await DownloadAsync(client, $"/basvurular/disa-aktar.csv?mahalle={neighbourhood}", "text/csv");

        var bytes = file.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Numara;Tarih;Tür;Kanal;Durum;Konu;Mahalle;Müdürlük;Atanan;Son Tarih;Gecikmiş;Başvuru Metni;Öncelik;Başvuru Sahibi;CİMER Numarası;CİMER Türü;Ek Bilgiler", lines[0]);
        Assert.Equal(expected, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Equal(name, l.Split(';')[6]));
        Assert.Matches(@"^\d{4}-\d{6};\d{2}\.\d{2}\.\d{4} \d{2}:\d{2};", lines[1]);
    }

    [Fact]
    public async Task A_staff_members_csv_has_only_their_directorate()
    {
        var client = await app.SignedInClientAsync("demo-fen-personel-1");

        using var file = await DownloadAsync(client, "/basvurular/disa-aktar.csv?geciken=1", "text/csv");

        var lines = Encoding.UTF8.GetString(file.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.All(lines, l => Assert.Equal(Fen, l.Split(';')[7]));
        Assert.All(lines, l => Assert.Equal("Evet", l.Split(';')[10]));
    }

    [Fact]
    public async Task The_statistics_workbook_has_a_sheet_per_dimension_within_the_users_scope()
    {
        var client = await app.SignedInClientAsync("demo-fen-personel-1");

        using var file = await DownloadAsync(client, "/basvurular/istatistik/disa-aktar.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Equal(["Mahalle", "Konu", "Müdürlük", "Kanal"], MiniExcel.GetSheetNames(file));
        var directorates = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Müdürlük").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([Fen, "Toplam"], directorates.Select(r => r["Müdürlük"]));
        Assert.Equal(directorates[0]["Toplam"], directorates[1]["Toplam"]);
        var channels = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Kanal").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Convert.ToDouble(directorates[1]["Toplam"]), channels.SkipLast(1).Sum(r => Convert.ToDouble(r["Toplam"])));
        Assert.Contains("Medyan Çözüm Süresi (saat)", directorates[0].Keys);
    }

    [Theory]
    [InlineData("/basvurular/disa-aktar.xlsx")]
    [InlineData("/basvurular/disa-aktar.csv")]
    [InlineData("/basvurular/istatistik/disa-aktar.xlsx")]
    [InlineData("/basvurular/istatistik")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/hesap/giris", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_press_office_may_not_export_requests()
    {
        var client = await app.SignedInClientAsync("demo-basin");

        var response = await client.GetAsync("/basvurular/disa-aktar.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_statistics_page_renders_for_a_director()
    {
        var client = await app.SignedInClientAsync("demo-fen-mudur");

        var html = await client.GetStringAsync("/basvurular/istatistik?kanal=Web");

        Assert.Contains("Başvuru İstatistikleri", html);
    }

    [Theory]
    [InlineData("Beni 0532 111 22 33 numarasından arayın", "Beni 0532******* numarasından arayın")]
    [InlineData("TC 12345678901, e-posta ayse.yilmaz@example.com", "TC 1234*******, e-posta a***@example.com")]
    [InlineData("Sokak 12 numara 3. kat", "Sokak 12 numara 3. kat")]
    public void Numbers_and_addresses_a_citizen_typed_are_masked(string text, string masked)
    {
        Assert.Equal(masked, RequestExport.MaskText(text));
    }
}
