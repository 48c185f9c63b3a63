using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Muhtars;
using Intranet.Core.Press;
using Intranet.Core.Requests;
using Intranet.Web.Setup;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Intranet.Tests.Muhtars;

/// <summary>The karne's figures against requests seeded with known dates, statuses and resolution times.</summary>
public sealed class NeighbourhoodReportTests : IDisposable
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 30);
    private readonly MuhtarWorld _world = new();

    public void Dispose() => _world.Dispose();

    /// <summary>
    /// In Gürsel, November: two Fen İşleri requests resolved in 1 h and 3 h, two Temizlik requests (one resolved in
    /// 10 h, one open and overdue), one open Park request not yet due. Outside the karne: one in Çağlayan, one in
    /// Gürsel from October that was resolved in November (work done, but not a November request).
    /// </summary>
    private async Task<Dictionary<string, int>> SeedAsync()
    {
        await using (var db = _world.Db())
        {
            // The demo's own visits, events and clippings sit around the real date; the test brings its own.
            await db.MuhtarVisits.ExecuteDeleteAsync();
            await db.CalendarEvents.ExecuteDeleteAsync();
            await db.PressClippings.ExecuteDeleteAsync();
        }
        var ids = new Dictionary<string, int>
        {
            ["fen1"] = await RequestAsync("FEN", "Gürsel", new DateTime(2026, 11, 2, 7, 0, 0), resolvedAfterMinutes: 60),
            ["fen2"] = await RequestAsync("FEN", "Gürsel", new DateTime(2026, 11, 3, 7, 0, 0), resolvedAfterMinutes: 180),
            ["tem1"] = await RequestAsync("TEM", "Gürsel", new DateTime(2026, 11, 4, 7, 0, 0), resolvedAfterMinutes: 600),
            ["tem2"] = await RequestAsync("TEM", "Gürsel", new DateTime(2026, 11, 5, 7, 0, 0), dueAt: new DateTime(2026, 11, 10, 7, 0, 0)),
            ["park"] = await RequestAsync("PARK", "Gürsel", new DateTime(2026, 11, 20, 7, 0, 0), dueAt: new DateTime(2026, 12, 10, 7, 0, 0)),
            ["other"] = await RequestAsync("FEN", "Çağlayan", new DateTime(2026, 11, 6, 7, 0, 0)),
            ["october"] = await RequestAsync("FEN", "Gürsel", new DateTime(2026, 10, 15, 7, 0, 0), resolvedAfterMinutes: 30 * 24 * 60),
        };
        var gursel = _world.Requests.NeighbourhoodId("Gürsel");
        var staff = _world.As("demo-muht-personel");
        await _world.Visits(staff).SaveAsync(new VisitForm { NeighbourhoodIds = [gursel], StartsLocal = MuhtarWorld.Local(11, 12, 14) });
        await _world.Visits(staff).SaveAsync(new VisitForm { Kind = VisitKind.MuhtarToplantisi, NeighbourhoodIds = [gursel, _world.Requests.NeighbourhoodId("Hürriyet")], StartsLocal = MuhtarWorld.Local(11, 18, 10) });
        await _world.Visits(staff).SaveAsync(new VisitForm { NeighbourhoodIds = [_world.Requests.NeighbourhoodId("Çağlayan")], StartsLocal = MuhtarWorld.Local(11, 13, 14) });
        await using (var db = _world.Db())
        {
            db.CalendarEvents.Add(new CalendarEvent { Title = "Gürsel Parkı Açılışı", Type = EventType.Acilis, NeighbourhoodId = gursel,
                StartsAt = new DateTime(2026, 11, 15, 11, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 11, 15, 13, 0, 0, DateTimeKind.Utc) });
            db.PressClippings.AddRange(
                Clipping("Gürsel Mahallesinde asfalt yenilendi", new DateTime(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc)),
                Clipping("Başkan Gürsel sakinleriyle buluştu", new DateTime(2026, 11, 19, 8, 0, 0, DateTimeKind.Utc)),
                Clipping("Gürseli Caddesi trafiğe kapandı", new DateTime(2026, 11, 19, 9, 0, 0, DateTimeKind.Utc)),
                Clipping("Gürsel Mahallesinde yeni kreş", new DateTime(2026, 10, 19, 8, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }
        return ids;
    }

    [Fact]
    public async Task Every_figure_of_the_karne_matches_the_seeded_requests()
    {
        var ids = await SeedAsync();

        var r = await _world.Reports(_world.As("demo-muht-personel")).GetAsync(_world.Requests.NeighbourhoodId("Gürsel"), From, To);

        Assert.Equal((5, 2, 3, 1), (r.Totals.Total, r.Totals.Open, r.Totals.Resolved, r.Totals.Overdue));
        Assert.Equal(3.0, r.Totals.MedianResolutionHours);
        Assert.Equal(_world.CurrentMuhtar("Gürsel").FullName, r.Muhtar);
        Assert.Equal(5 * 1000.0 / r.Population!.Value, r.PerThousand);

        var fen = Assert.Single(r.ByDirectorate, d => d.Name == "Fen İşleri Müdürlüğü");
        Assert.Equal((2, 0, 2, 0, 2.0), (fen.Total, fen.Open, fen.Resolved, fen.Overdue, fen.MedianResolutionHours));
        var tem = Assert.Single(r.ByDirectorate, d => d.Name == "Temizlik İşleri Müdürlüğü");
        Assert.Equal((2, 1, 1, 1, 10.0), (tem.Total, tem.Open, tem.Resolved, tem.Overdue, tem.MedianResolutionHours));
        var park = Assert.Single(r.ByDirectorate, d => d.Name == "Park ve Bahçeler Müdürlüğü");
        Assert.Equal((1, 1, 0, 0, (double?)null), (park.Total, park.Open, park.Resolved, park.Overdue, park.MedianResolutionHours));
        Assert.Equal(3, r.ByDirectorate.Count);
        Assert.Equal(5, r.ByCategory.Sum(c => c.Total));

        Assert.Equal([ids["tem2"]], r.Overdue.Select(o => o.Id));
        // Work done: resolved within November, newest first, including the October request resolved on 14.11.
        Assert.Equal([ids["october"], ids["tem1"], ids["fen2"], ids["fen1"]], r.WorkDone.Select(w => w.Id));
        Assert.All(r.WorkDone, w => Assert.StartsWith("Çözüldü:", w.Resolution));
        Assert.Equal((1, 1), (r.NeighbourhoodVisits, r.Meetings));
        Assert.Equal(["Gürsel Parkı Açılışı"], r.Events.Select(e => e.Title));
        Assert.Equal(["Başkan Gürsel sakinleriyle buluştu", "Gürsel Mahallesinde asfalt yenilendi"], r.Clippings.Select(c => c.Title));
    }

    [Fact]
    public async Task The_xlsx_and_docx_exports_read_back_with_the_same_figures()
    {
        await SeedAsync();
        var report = await _world.Reports(_world.As("demo-ozk-1")).GetAsync(_world.Requests.NeighbourhoodId("Gürsel"), From, To);

        var xlsx = MuhtarEndpoints.KarneWorkbook(report);
        using var stream = new MemoryStream(xlsx);
        Assert.Contains("Müdürlükler", stream.GetSheetNames());
        stream.Position = 0;
        var summary = stream.Query(useHeaderRow: true, sheetName: "Özet").Cast<IDictionary<string, object?>>()
            .ToDictionary(row => (string)row["Gösterge"]!, row => row["Değer"]);
        Assert.Equal("Gürsel", summary["Mahalle"]);
        Assert.Equal(5.0, Convert.ToDouble(summary["Alınan başvuru"]));
        Assert.Equal(2.0, Convert.ToDouble(summary["Açık"]));
        Assert.Equal(1.0, Convert.ToDouble(summary["Süresi geçen (açık)"]));
        Assert.Equal(3.0, Convert.ToDouble(summary["Medyan çözüm süresi (saat)"]));
        stream.Position = 0;
        var directorates = stream.Query(useHeaderRow: true, sheetName: "Müdürlükler").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2.0, Convert.ToDouble(directorates.Single(d => (string)d["Müdürlük"]! == "Temizlik İşleri Müdürlüğü")["Toplam"]));

        var text = string.Join("\n", DocxBuilder.ReadParagraphs(KarneDocument.Build(report)));
        Assert.Contains("Gürsel Mahallesi Karnesi", text);
        Assert.Contains("Dönem: 01.11.2026 – 30.11.2026", text);
        Assert.Contains("Alınan başvuru\n5", text);
        Assert.Contains("Medyan çözüm süresi (saat)\n3,0", text);
    }

    [Fact]
    public async Task Comparison_puts_each_mahalle_from_its_own_karne_and_bad_input_is_a_turkish_message()
    {
        await SeedAsync();
        var reports = _world.Reports(_world.As("demo-fen-personel-1"));
        var gursel = _world.Requests.NeighbourhoodId("Gürsel");
        var caglayan = _world.Requests.NeighbourhoodId("Çağlayan");

        var compared = await reports.CompareAsync([gursel, caglayan], From, To);

        Assert.Equal(["Gürsel", "Çağlayan"], compared.Select(c => c.Name));
        Assert.Equal([5, 1], compared.Select(c => c.Totals.Total));
        Assert.Equal("Seçilen mahalle bulunamadı; listeden bir mahalle seçin.", (await Assert.ThrowsAsync<ValidationException>(() => reports.GetAsync(99999, From, To))).Message);
        Assert.Equal("Dönem sonu başlangıcından önce olamaz.", (await Assert.ThrowsAsync<ValidationException>(() => reports.GetAsync(gursel, To, From))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Reports(_world.As("demo-basin")).GetAsync(gursel, From, To));
    }

    /// <summary>A request taken at the intake at <paramref name="createdUtc"/>, then resolved or given a deadline as the test needs.</summary>
    private async Task<int> RequestAsync(string directorate, string neighbourhood, DateTime createdUtc, int? resolvedAfterMinutes = null, DateTime? dueAt = null)
    {
        _world.Clock.Now = new DateTimeOffset(createdUtc, TimeSpan.Zero);
        var created = await _world.Requests.Service(_world.As("demo-halk-personel-1")).CreateAsync(_world.Requests.PhoneCall(directorate, neighbourhood));
        _world.Clock.Now = new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);
        await using var db = _world.Db();
        if (resolvedAfterMinutes is { } minutes)
        {
            var resolved = createdUtc.AddMinutes(minutes);
            await db.Requests.Where(r => r.Id == created.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RequestStatus.Kapandi).SetProperty(r => r.ResolvedAt, resolved).SetProperty(r => r.ClosedAt, resolved.AddHours(1))
                .SetProperty(r => r.ResolutionMinutes, minutes).SetProperty(r => r.ResolvedInTime, true)
                .SetProperty(r => r.Resolution, $"Çözüldü: {directorate} ekipleri işi tamamladı."));
        }
        if (dueAt is { } due) await db.Requests.Where(r => r.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, due));
        return created.Id;
    }

    private static PressClipping Clipping(string title, DateTime publishedAt) => new()
    {
        Title = title, TitleKey = TurkishText.Fold(title), PublishedAt = publishedAt, CapturedAt = publishedAt, Tone = Tone.Notr,
    };
}
