using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Intranet.Core.Calendar;
using Intranet.Core.Common;

namespace Intranet.Tests.Calendar;

public sealed class MonthlyProgrammeTests : IDisposable
{
    private readonly CalendarWorld _world = new();

    /// <summary>The rows of the document's table, each as its cells' text: reading the produced file back.</summary>
    public static List<string[]> TableRows(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single();
        return table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    [Fact]
    public async Task The_programme_lists_every_directorates_public_events_of_the_month_and_the_docx_reads_back()
    {
        var office = _world.Service(_world.As("demo-ozk-1"));
        await office.SaveAsync(_world.Form("Halk Müziği Konseri", "KULT", new DateTime(2026, 12, 10, 19, 0, 0), 2));
        await office.SaveAsync(_world.Form("Gültepe Parkı Açılışı", "PARK", new DateTime(2026, 12, 4, 11, 0, 0), 1, mayor: true));
        await office.SaveAsync(_world.Form("Muhtarlar Toplantısı", "MUHT", new DateTime(2026, 11, 24, 10, 0, 0), 2, repeat: new RecurrenceSpec(RepeatKind.Weekly)));
        var internalMeeting = _world.Form("Fen İşleri iç toplantısı", "FEN", new DateTime(2026, 12, 8, 9, 0, 0));
        internalMeeting.IsPublic = false;
        await office.SaveAsync(internalMeeting);
        await office.SaveAsync(_world.Form("Ocak Konseri", "KULT", new DateTime(2027, 1, 5, 19, 0, 0), 2));

        var programme = await new MonthlyProgrammeService(_world.Database.Factory(_world.As("demo-basin")), new FixedCurrentUser(_world.As("demo-basin")))
            .GetAsync(2026, 12);
        Assert.Equal("Aralık 2026 Etkinlik Programı", programme.Title);

        using var file = new MemoryStream();
        MonthlyProgrammeDocument.Write(file, programme);
        file.Position = 0;
        var rows = TableRows(file);

        Assert.Equal(MonthlyProgrammeDocument.Headers, rows[0]);
        Assert.Equal([
            ["01.12.2026 Salı", "10:00–12:00", "Muhtarlar Toplantısı", "Kültürel etkinlik", "Muhtarlık İşleri Müdürlüğü", "—", ""],
            ["04.12.2026 Cuma", "11:00–12:00", "Gültepe Parkı Açılışı", "Kültürel etkinlik", "Park ve Bahçeler Müdürlüğü", "—", "Katılıyor"],
            ["08.12.2026 Salı", "10:00–12:00", "Muhtarlar Toplantısı", "Kültürel etkinlik", "Muhtarlık İşleri Müdürlüğü", "—", ""],
            ["10.12.2026 Perşembe", "19:00–21:00", "Halk Müziği Konseri", "Kültürel etkinlik", "Kültür ve Sosyal İşler Müdürlüğü", "—", ""],
            ["15.12.2026 Salı", "10:00–12:00", "Muhtarlar Toplantısı", "Kültürel etkinlik", "Muhtarlık İşleri Müdürlüğü", "—", ""],
            ["22.12.2026 Salı", "10:00–12:00", "Muhtarlar Toplantısı", "Kültürel etkinlik", "Muhtarlık İşleri Müdürlüğü", "—", ""],
            ["29.12.2026 Salı", "10:00–12:00", "Muhtarlar Toplantısı", "Kültürel etkinlik", "Muhtarlık İşleri Müdürlüğü", "—", ""],
        ], rows.Skip(1));
    }

    [Fact]
    public async Task A_month_without_public_events_says_so_and_a_wall_account_cannot_read_the_programme()
    {
        var programme = await new MonthlyProgrammeService(_world.Database.Factory(_world.As("demo-ozk-1")), new FixedCurrentUser(_world.As("demo-ozk-1")))
            .GetAsync(2027, 2);
        using var file = new MemoryStream();
        MonthlyProgrammeDocument.Write(file, programme);
        file.Position = 0;
        using (var document = WordprocessingDocument.Open(file, false))
            Assert.Contains("Bu ay için planlanmış kamuya açık etkinlik yok.", document.MainDocumentPart!.Document!.Body!.InnerText);

        var wall = _world.As("demo-duvar-ekrani");
        await Assert.ThrowsAsync<AccessDeniedException>(() => new MonthlyProgrammeService(_world.Database.Factory(wall), new FixedCurrentUser(wall)).GetAsync(2027, 2));
    }

    public void Dispose() => _world.Dispose();
}
