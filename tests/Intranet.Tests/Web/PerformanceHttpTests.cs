using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Performance;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Intranet.Tests.Web;

/// <summary>The performance file endpoints through the real app: the report and structure workbooks, evidence by scope.</summary>
public class PerformanceHttpTests(PerformanceHttpTests.App app) : IClassFixture<PerformanceHttpTests.App>
{
    public sealed class App : IntranetWebFactory;

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private IntranetDbContext Database() =>
        app.Database();

    [Fact]
    public async Task A_director_downloads_the_years_report_of_their_own_directorate_only()
    {
        var client = await app.SignedInClientAsync("demo-fen-mudur");
        await using var db = Database();
        var park = await db.Directorates.SingleAsync(d => d.Code == "PARK");

        // Asking for another directorate gets their own: the service decides the scope, not the address.
        var response = await client.GetAsync($"/performans/rapor/2026.xlsx?mudurluk={park.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: true, sheetName: "Faaliyet Raporu 2026").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["PG-FEN-01", "PG-FEN-02"], rows.Select(r => (string)r["Gösterge Kodu"]!));
        Assert.All(rows, r => Assert.Equal("Fen İşleri Müdürlüğü", r["Sorumlu Müdürlük"]));
        Assert.Contains("Sapmanın Nedenleri", rows[0].Keys);
    }

    [Fact]
    public async Task The_structure_workbook_round_trips_the_plan_and_needs_a_performance_role()
    {
        await using var db = Database();
        var planId = await db.StrategicPlans.Select(p => p.Id).SingleAsync();

        var response = await (await app.SignedInClientAsync("demo-strat-personel")).GetAsync($"/performans/yapi/{planId}/disa-aktar.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([StructureWorkbook.IndicatorSheet, StructureWorkbook.TargetSheet], file.GetSheetNames());
        Assert.Equal(StructureWorkbook.IndicatorColumns, file.GetColumns(useHeaderRow: true, sheetName: StructureWorkbook.IndicatorSheet));
        Assert.Equal(15, file.Query(useHeaderRow: true, sheetName: StructureWorkbook.IndicatorSheet).Count());

        var press = await (await app.SignedInClientAsync("demo-basin")).GetAsync($"/performans/yapi/{planId}/disa-aktar.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, press.StatusCode);
    }

    [Fact]
    public async Task Evidence_is_served_to_those_who_see_the_indicator_and_to_no_one_else()
    {
        int id;
        await using (var db = Database())
        {
            var indicator = await db.PerformanceIndicators.SingleAsync(i => i.Code == "PG-PARK-01");
            var actual = new IndicatorActual { IndicatorId = indicator.Id, Year = 2025, Period = 4, Value = 7 };
            actual.Evidence.Add(new IndicatorEvidence
            {
                FileName = "fotograf.png", ContentType = "image/png", Size = 4, Content = [0x89, 0x50, 0x4E, 0x47], UploadedAt = app.Clock.UtcNow(), UploadedBy = "Test",
            });
            db.IndicatorActuals.RemoveRange(db.IndicatorActuals.Where(a => a.IndicatorId == indicator.Id && a.Year == 2025 && a.Period == 4));
            await db.SaveChangesAsync();
            db.IndicatorActuals.Add(actual);
            await db.SaveChangesAsync();
            id = actual.Evidence[0].Id;
        }

        var own = await (await app.SignedInClientAsync("demo-park-personel")).GetAsync($"/performans/kanit/{id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync("demo-ozk-1")).GetAsync($"/performans/kanit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync("demo-fen-personel-1")).GetAsync($"/performans/kanit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClientAsync("demo-basin")).GetAsync($"/performans/kanit/{id}")).StatusCode);
    }
}
