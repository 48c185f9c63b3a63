using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests.Bulletin;
using Intranet.Core.Requests.WorkOrders;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Intranet.Tests.Web;

/// <summary>The bulletin export and the work order photo download through the real app, with the demo data.</summary>
public class SecondRoundHttpTests(SecondRoundHttpTests.App app) : IClassFixture<SecondRoundHttpTests.App>
{
    public sealed class App : IntranetWebFactory;

    private IntranetDbContext Database() =>
        app.Database();

    [Fact]
    public async Task The_bulletin_xlsx_holds_the_figures_of_the_page_for_the_month_asked()
    {
        await using var db = Database();
        var month = app.Clock.IstanbulToday().AddMonths(-1);
        var client = await app.SignedInClientAsync("demo-admin");
        var expected = await new MonthlyBulletin(app.Services.GetRequiredService<IDbContextFactory<IntranetDbContext>>(), new FixedCurrentUser(UserContext.System))
            .GetAsync(month.Year, month.Month);

        var response = await client.GetAsync($"/basvurular/bulten/disa-aktar.xlsx?ay={month:yyyy-MM}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"basvuru-bulteni-{month:yyyy-MM}.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Özet", "Tür", "Kanal", "Mahalle", "Müdürlük"], MiniExcel.GetSheetNames(file));
        var summary = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Özet").Cast<IDictionary<string, object?>>().ToList();
        Assert.True(expected.Current.Total > 0);
        Assert.Equal(expected.Current.Total, Convert.ToInt32(summary.Single(r => (string)r["Gösterge"]! == "Toplam başvuru")["Bu Ay"]));
        Assert.Equal(Math.Round(expected.Current.SameDayShare!.Value * 100, 1),
            Convert.ToDouble(summary.Single(r => (string)r["Gösterge"]! == "Aynı gün cevaplanma oranı")["Bu Ay"]), 6);
        var types = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Tür").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Bilgi İstemi", "Şikâyet", "Talep", "Öneri", "İhbar", "Teşekkür", "Toplam"], types.Select(r => (string)r["Başvuru Türü"]!));
        Assert.Equal(expected.Current.Total, Convert.ToInt32(types[^1]["Bu Ay"]));
    }

    [Fact]
    public async Task The_statistics_workbook_counts_forwarded_requests_in_their_own_column()
    {
        await using var db = Database();
        var forwarded = await db.Requests.CountAsync(r => r.Status == Core.Requests.RequestStatus.DisKurumaYonlendirildi);
        var client = await app.SignedInClientAsync("demo-admin");

        using var file = new MemoryStream(await client.GetByteArrayAsync("/basvurular/istatistik/disa-aktar.xlsx"));

        var total = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Müdürlük").Cast<IDictionary<string, object?>>().Last();
        Assert.Equal("Toplam", total["Müdürlük"]);
        Assert.True(forwarded > 0, "The demo data forwards some requests to outside bodies.");
        Assert.Equal(forwarded, Convert.ToInt32(total["Dış Kuruma Yönlendirilen"]));
    }

    [Fact]
    public async Task Work_order_photos_follow_the_work_order_scope()
    {
        await using var db = Database();
        var order = await db.WorkOrders.Include(o => o.Directorate).FirstAsync(o => o.Directorate!.Code == "PARK" && o.Request!.DirectorateId == o.DirectorateId);
        var photo = new WorkOrderPhoto
        {
            WorkOrderId = order.Id, Stage = PhotoStage.Sonra, FileName = "sonra.jpg", ContentType = "image/jpeg", Size = 4,
            Content = [0xFF, 0xD8, 0xFF, 0xE0], UploadedAt = app.Clock.UtcNow(), UploadedBy = "Test",
        };
        db.WorkOrderPhotos.Add(photo);
        await db.SaveChangesAsync();

        var park = await (await app.SignedInClientAsync("demo-park-personel")).GetAsync($"/ekip/foto/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, park.StatusCode);
        Assert.Equal("image/jpeg", park.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync("demo-tem-personel")).GetAsync($"/ekip/foto/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync("demo-halk-personel-1")).GetAsync($"/ekip/foto/{photo.Id}")).StatusCode);
        var press = await (await app.SignedInClientAsync("demo-basin")).GetAsync($"/ekip/foto/{photo.Id}");
        Assert.NotEqual(HttpStatusCode.OK, press.StatusCode);
    }
}
