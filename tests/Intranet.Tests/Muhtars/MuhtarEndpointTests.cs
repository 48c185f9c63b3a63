using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Intranet.Tests.Muhtars;

/// <summary>The karne and letter downloads through the real app: they open, hold the service's figures, follow access.</summary>
public class MuhtarEndpointTests(MuhtarEndpointTests.App app) : IClassFixture<MuhtarEndpointTests.App>
{
    public sealed class App : IntranetWebFactory;

    private const string Period = "from=2026-01-01&to=2026-11-25";

    private IntranetDbContext Database() =>
        app.Database();

    private async Task<NeighbourhoodReport> ExpectedAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = new NeighbourhoodReportService(scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>(),
            new FixedCurrentUser(UserContext.System), app.Clock);
        return await reports.GetAsync(id, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 25));
    }

    [Fact]
    public async Task The_karne_downloads_as_xlsx_and_docx_with_the_figures_of_the_page()
    {
        int id;
        await using (var db = Database()) id = await db.Neighbourhoods.Where(n => n.Name == "Hamidiye").Select(n => n.Id).SingleAsync();
        var expected = await ExpectedAsync(id);
        Assert.True(expected.Totals.Total > 0, "the demo seed should have requests in Hamidiye this year");
        var client = await app.SignedInClientAsync("demo-fen-personel-1");

        var xlsx = await client.GetAsync($"/mahalleler/{id}/karne.xlsx?{Period}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("hamidiye-karne-2026-01-01-2026-11-25.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var summary = book.Query(useHeaderRow: true, sheetName: "Özet").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Gösterge"]!, r => r["Değer"]);
        Assert.Equal(expected.Totals.Total, Convert.ToInt32(summary["Alınan başvuru"]));
        Assert.Equal(expected.Totals.Open, Convert.ToInt32(summary["Açık"]));
        Assert.Equal(expected.Totals.Overdue, Convert.ToInt32(summary["Süresi geçen (açık)"]));

        var docx = await client.GetAsync($"/mahalleler/{id}/karne.docx?{Period}");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = string.Join("\n", DocxBuilder.ReadParagraphs(await docx.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Hamidiye Mahallesi Karnesi", text);
        Assert.Contains($"Alınan başvuru\n{expected.Totals.Total.ToString("N0", TurkishText.Culture)}", text);
    }

    [Fact]
    public async Task Bad_periods_are_a_turkish_400_and_the_press_office_gets_a_403()
    {
        var client = await app.SignedInClientAsync("demo-ozk-1");
        var bad = await client.GetAsync("/mahalleler/1/karne.xlsx?from=dün&to=2026-11-25");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Dönem tarihi okunamadı", await bad.Content.ReadAsStringAsync());
        var unknown = await client.GetAsync($"/mahalleler/99999/karne.docx?{Period}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Seçilen mahalle bulunamadı; listeden bir mahalle seçin.", await unknown.Content.ReadAsStringAsync());

        var press = await app.SignedInClientAsync("demo-basin");
        Assert.Equal(HttpStatusCode.Forbidden, (await press.GetAsync($"/mahalleler/1/karne.xlsx?{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await press.GetAsync("/evrak/1/yazi.docx")).StatusCode);
    }

    [Fact]
    public async Task An_outgoing_letter_downloads_as_word_for_ozel_kalem_but_not_for_a_directorate_it_was_not_routed_to()
    {
        RegisterEntry letter;
        await using (var db = Database())
            letter = await db.RegisterEntries.Where(e => e.Direction == RegisterDirection.Giden).OrderBy(e => e.Id).FirstAsync();

        var ozk = await app.SignedInClientAsync("demo-ozk-2");
        var response = await ozk.GetAsync($"/evrak/{letter.Id}/yazi.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paragraphs = DocxBuilder.ReadParagraphs(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Sayı : {letter.Number}", paragraphs);
        Assert.Contains("KAĞITHANE BELEDİYE BAŞKANLIĞI", paragraphs);

        var fen = await app.SignedInClientAsync("demo-fen-mudur");
        Assert.Equal(HttpStatusCode.NotFound, (await fen.GetAsync($"/evrak/{letter.Id}/yazi.docx")).StatusCode);
    }
}
