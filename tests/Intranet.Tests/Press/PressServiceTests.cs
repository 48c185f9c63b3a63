using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Press;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Press;

/// <summary>Triage (audited, versioned, for the press office only), tone and other filters, manual clippings with scans.</summary>
public class PressServiceTests : IDisposable
{
    private readonly PressWorld _world = new();

    public void Dispose() => _world.Dispose();

    private async Task<ClippingRow> AnyRowAsync(ClippingFilter? filter = null) => (await _world.Queries(_world.Press).LatestAsync(filter ?? new(), 0, 1)).Single();

    [Fact]
    public async Task Triage_saves_every_field_names_the_reviewer_and_is_audited()
    {
        var row = await AnyRowAsync(new ClippingFilter { Tone = Tone.Olumlu });
        var fen = _world.DirectorateId("FEN");
        var tem = _world.DirectorateId("TEM");

        await _world.Service(_world.Press).TriageAsync(new ClippingTriage(row.Id, row.Version, Tone.Olumsuz, "Altyapı", [tem, fen], 5, true));

        var saved = (await _world.Queries(_world.Press).RowsAsync([row.Id])).Single();
        Assert.Equal(Tone.Olumsuz, saved.Tone);
        Assert.Equal("Altyapı", saved.Topic);
        Assert.Equal([fen, tem], IdList.Parse(saved.DirectorateIds).Order());
        Assert.Equal(5, saved.Importance);
        Assert.True(saved.NeedsAnswer);
        Assert.Equal("Sevgi Öğüt", saved.ReviewedBy);
        Assert.Equal(_world.Now, saved.ReviewedAt);
        Assert.NotEqual(row.Version, saved.Version);

        await using var db = _world.Database.Create(UserContext.System);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(PressClipping) && a.EntityId == row.Id.ToString()).SingleAsync();
        Assert.Equal(AuditActions.Updated, audit.Action);
        Assert.Equal("Sevgi Öğüt", audit.UserName);
        Assert.Contains("\"Tone\":1", audit.Before);
        Assert.Contains("\"Tone\":2", audit.After);
        Assert.Contains("\"NeedsAnswer\":true", audit.After);
        Assert.Contains(ChangeTopic.Press, _world.Changes.Published);
    }

    [Fact]
    public async Task A_stale_triage_is_refused_with_who_saved_first_and_never_overwrites()
    {
        var row = await AnyRowAsync();
        await _world.Service(_world.Press).TriageAsync(new ClippingTriage(row.Id, row.Version, Tone.Olumsuz, "Temizlik", [], 4, true));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _world.Service(_world.As("demo-admin")).TriageAsync(new ClippingTriage(row.Id, row.Version, Tone.Olumlu, null, [], 1, false)));

        Assert.Contains("Sevgi Öğüt", conflict.Message);
        Assert.Contains("Olumsuz", conflict.Current);
        Assert.Equal(Tone.Olumsuz, (await _world.Queries(_world.Press).RowsAsync([row.Id])).Single().Tone);
    }

    [Theory]
    [InlineData("demo-ozk-1")]      // the mayor's office reads, does not triage
    [InlineData("demo-fen-mudur")]  // no press access at all
    public async Task Only_the_press_office_and_admin_triage(string objectId)
    {
        var row = await AnyRowAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Service(_world.As(objectId)).TriageAsync(new ClippingTriage(row.Id, row.Version, Tone.Olumsuz, null, [], 0, false)));
    }

    [Fact]
    public async Task Directors_and_staff_cannot_read_the_clippings_list()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Queries(_world.As("demo-fen-mudur")).LatestAsync(new()));
        Assert.NotEmpty(await _world.Queries(_world.As("demo-fen-mudur")).HeadlinesAsync()); // the dashboard card's headlines
    }

    [Theory]
    [InlineData(Tone.Olumlu)]
    [InlineData(Tone.Notr)]
    [InlineData(Tone.Olumsuz)]
    public async Task Tone_filtering_returns_exactly_that_tone(Tone tone)
    {
        var queries = _world.Queries(_world.MayorOffice);
        await using var db = _world.Database.Create(UserContext.System);
        var expected = await db.PressClippings.CountAsync(c => c.Tone == tone);
        Assert.InRange(expected, 1, 199); // the demo has every tone, and not only one

        var latest = await queries.LatestAsync(new ClippingFilter { Tone = tone }, 0, 500);
        var archive = await queries.SearchAsync(new ClippingFilter { Tone = tone }, 0, 500);

        Assert.Equal(expected, latest.Count);
        Assert.All(latest, r => Assert.Equal(tone, r.Tone));
        Assert.Equal(expected, archive.Total);
        Assert.All(archive.Items, r => Assert.Equal(tone, r.Tone));
    }

    [Fact]
    public async Task Directorate_source_and_date_filters_combine()
    {
        var fen = _world.DirectorateId("FEN");
        var queries = _world.Queries(_world.Press);
        var all = await queries.LatestAsync(new(), 0, 500);
        var source = all.First().SourceId;
        var day = IstanbulTime.Today(all.First().PublishedAt);

        var rows = await queries.LatestAsync(new ClippingFilter { DirectorateId = fen }, 0, 500);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(IdList.Token(fen), r.DirectorateIds));
        Assert.Equal(all.Count(r => r.DirectorateIds?.Contains(IdList.Token(fen)) == true), rows.Count);

        var combined = await queries.LatestAsync(new ClippingFilter { SourceId = source, From = day, To = day }, 0, 500);
        Assert.Equal(all.Count(r => r.SourceId == source && IstanbulTime.Today(r.PublishedAt) == day), combined.Count);
    }

    [Fact]
    public async Task New_clippings_since_the_top_of_the_list_are_found_for_the_live_feed()
    {
        var queries = _world.Queries(_world.Press);
        var shown = (await queries.LatestAsync(new(), 0, 500)).Max(r => r.Id);
        var id = await _world.Service(_world.Press).CreateManualAsync(PrintClipping("Kağıthane Belediyesi kreş açtı (manşet)"));

        var newer = await queries.NewerThanAsync(new(), shown);
        var newerNegative = await queries.NewerThanAsync(new ClippingFilter { Tone = Tone.Olumsuz }, shown);

        Assert.Equal(id, Assert.Single(newer).Id);
        Assert.Empty(newerNegative);
    }

    private ManualClippingForm PrintClipping(string title, params UploadedFile[] scans) => new()
    {
        Kind = ClippingKind.Basili,
        SourceId = PaperId(),
        PublishedLocal = new DateTime(2026, 11, 25),
        Title = title,
        Text = "Kağıthane Belediyesi Hamidiye Mahallesi'nde 120 çocuk kapasiteli kreşi hizmete açtı.",
        Page = "Sayfa 5",
        Columnist = "Ayla Demir",
        Tone = Tone.Olumlu,
        Topic = "Eğitim",
        Importance = 3,
        Scans = [.. scans],
    };

    private int PaperId()
    {
        using var db = _world.Database.Create(UserContext.System);
        return db.PressSources.Single(s => s.Name == "Kağıthane Postası").Id;
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 10, 1, 2];

    [Fact]
    public async Task A_print_clipping_is_stored_with_its_scans_and_matched_rules()
    {
        var id = await _world.Service(_world.Press).CreateManualAsync(PrintClipping("Kağıthane Belediyesi kreş açtı",
            new UploadedFile("sayfa5.png", "image/png", Png), new UploadedFile("sayfa5.pdf", "application/octet-stream", Pdf)));

        var detail = (await _world.Queries(_world.MayorOffice).GetAsync(id))!;
        Assert.Equal(ClippingKind.Basili, detail.Row.Kind);
        Assert.Equal("Kağıthane Postası", detail.Row.Source);
        Assert.Equal("Sayfa 5", detail.Row.Page);
        Assert.Equal("Ayla Demir", detail.Row.Columnist);
        Assert.Equal(IstanbulTime.ToUtc(new DateTime(2026, 11, 25)), detail.Row.PublishedAt);
        Assert.Contains("Belediye adı", detail.Row.MatchedRules);
        Assert.Equal(["image/png", "application/pdf"], detail.Scans.Select(s => s.ContentType));
        var scan = (await _world.Queries(_world.Press).ScanAsync(detail.Scans[0].Id))!.Value;
        Assert.Equal(Png, scan.Content);
        // The archive finds it by a word of its text.
        Assert.Contains((await _world.Queries(_world.Press).SearchAsync(new ClippingFilter { Search = "HAMİDİYE kreş" }, 0, 10)).Items, r => r.Id == id);
    }

    [Fact]
    public async Task A_scan_is_checked_by_its_bytes_and_size_like_a_request_attachment()
    {
        var service = _world.Service(_world.Press);

        var fake = await Assert.ThrowsAsync<ValidationException>(() => service.CreateManualAsync(PrintClipping("Kağıthane sahte tarama",
            new UploadedFile("sayfa.pdf", "application/pdf", "bu bir pdf değil"u8.ToArray()))));
        var huge = await Assert.ThrowsAsync<ValidationException>(() => service.CreateManualAsync(PrintClipping("Kağıthane büyük tarama",
            new UploadedFile("sayfa.png", "image/png", [.. Png, .. new byte[AttachmentRules.MaxBytes]]))));

        Assert.Contains("desteklenmeyen", fake.Fields[nameof(ManualClippingForm.Scans)]);
        Assert.Contains("çok büyük", huge.Fields[nameof(ManualClippingForm.Scans)]);
    }

    [Fact]
    public async Task The_same_headline_from_the_same_paper_is_refused_with_a_clear_message()
    {
        var service = _world.Service(_world.Press);
        await service.CreateManualAsync(PrintClipping("Kağıthane'de yeni kreş"));

        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => service.CreateManualAsync(PrintClipping("KAĞITHANE'DE YENİ KREŞ")));

        Assert.Contains("zaten var", duplicate.Fields[nameof(ManualClippingForm.Title)]);
    }

    [Fact]
    public void A_manual_clipping_needs_a_source_a_date_a_title_and_is_not_an_internet_one()
    {
        var errors = PressService.Validate(new ManualClippingForm { Kind = ClippingKind.Internet, Title = "x", Url = "javascript:alert(1)" });

        string[] expected = [nameof(ManualClippingForm.Kind), nameof(ManualClippingForm.SourceId), nameof(ManualClippingForm.PublishedLocal),
            nameof(ManualClippingForm.Title), nameof(ManualClippingForm.Url)];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_false_match_is_versioned_and_audited()
    {
        var row = await AnyRowAsync();
        var service = _world.Service(_world.Press);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.DeleteAsync(row.Id, Guid.NewGuid()));
        await service.DeleteAsync(row.Id, row.Version);

        await using var db = _world.Database.Create(UserContext.System);
        Assert.False(await db.PressClippings.AnyAsync(c => c.Id == row.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PressClipping) && a.EntityId == row.Id.ToString() && a.Action == AuditActions.Deleted));
    }
}
