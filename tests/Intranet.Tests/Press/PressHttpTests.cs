using System.Net;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Intranet.Tests.Press;

/// <summary>The press pages and files through the real app: who may open them, scans inline, the two exports.</summary>
public class PressHttpTests(PressHttpTests.App app) : IClassFixture<PressHttpTests.App>
{
    public sealed class App : IntranetWebFactory
    {
        public App()
        {
            Settings["Press:DigestEnabled"] = "false";
        }
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7];

    private IntranetDbContext Database() =>
        app.Database();

    private async Task<int> ScanIdAsync()
    {
        await using var db = Database();
        if (await db.PressScans.OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync() is { } id) return id;
        var clipping = await db.PressClippings.OrderBy(c => c.Id).FirstAsync();
        var scan = new PressScan { ClippingId = clipping.Id, FileName = "sayfa 5.png", ContentType = "image/png", Size = Png.Length, Content = Png, UploadedBy = "test" };
        db.PressScans.Add(scan);
        await db.SaveChangesAsync();
        return scan.Id;
    }

    [Theory]
    [InlineData("demo-basin", HttpStatusCode.OK)]
    [InlineData("demo-ozk-1", HttpStatusCode.OK)]
    [InlineData("demo-fen-mudur", HttpStatusCode.Forbidden)]
    [InlineData("demo-tem-personel", HttpStatusCode.Forbidden)]
    public async Task A_scan_opens_inline_for_press_readers_only(string user, HttpStatusCode expected)
    {
        var id = await ScanIdAsync();
        var client = await app.SignedInClientAsync(user);

        var response = await client.GetAsync($"/basin/tarama/{id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK) return;
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Without_sign_in_the_press_pages_and_files_send_to_the_sign_in_page()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in new[] { "/basin", $"/basin/tarama/{await ScanIdAsync()}", "/basin/arsiv/disa-aktar.xlsx" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/hesap/giris", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task The_archive_export_holds_the_filtered_clippings_with_turkish_headers()
    {
        await using var db = Database();
        var negative = await db.PressClippings.CountAsync(c => c.Tone == Tone.Olumsuz);
        var client = await app.SignedInClientAsync("demo-basin");

        var response = await client.GetAsync("/basin/arsiv/disa-aktar.xlsx?ton=Olumsuz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.True(negative > 0);
        Assert.Equal(negative, rows.Count);
        Assert.All(rows, r => Assert.Equal("Olumsuz", r["Ton"]));
        Assert.Contains("Başlık", rows[0].Keys);
    }

    [Fact]
    public async Task The_figures_export_has_a_sheet_per_figure()
    {
        var client = await app.SignedInClientAsync("demo-ozk-1");

        var response = await client.GetAsync("/basin/rakamlar/disa-aktar.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Günlük", "Günlük ton", "Kaynaklar", "Konular"], MiniExcel.GetSheetNames(file));
        var days = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Günlük").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(PressStatistics.DefaultDays, days.Count);
        await using var db = Database();
        var since = app.Clock.IstanbulToday().AddDays(-(PressStatistics.DefaultDays - 1));
        Assert.Equal(await db.PressClippings.CountAsync(c => c.PublishedOn >= since), days.Sum(d => Convert.ToInt32(d["Toplam"])));
    }

    [Theory]
    [InlineData("/basin")]
    [InlineData("/basin/arsiv?ara=kagithane")]
    [InlineData("/basin/ozet")]
    [InlineData("/basin/rakamlar")]
    [InlineData("/basin/kaynaklar")]
    [InlineData("/basin/kurallar")]
    [InlineData("/basin/bultenler")]
    [InlineData("/basin/gazeteciler")]
    [InlineData("/basin/yeni")]
    public async Task Each_press_page_renders_for_the_press_office_and_is_refused_to_a_director(string url)
    {
        var press = await app.SignedInClientAsync("demo-basin");
        var director = await app.SignedInClientAsync("demo-park-mudur");

        var page = await press.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync(url)).StatusCode);
    }
}
