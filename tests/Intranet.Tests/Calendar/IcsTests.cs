using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Ical.Net.DataTypes;
using static Intranet.Tests.Calendar.IstanbulWallClock;
using IcalCalendar = Ical.Net.Calendar;

namespace Intranet.Tests.Calendar;

public sealed class IcsTests : IDisposable
{
    private readonly CalendarWorld _world = new();

    private static CalendarEvent Weekly() => new()
    {
        Id = 7, Title = "Muhtarlar Toplantısı", Type = EventType.MuhtarToplantisi, Place = "Muhtarlık İşleri Toplantı Salonu",
        StartsAt = Utc(2026, 12, 1, 10, 0), EndsAt = Utc(2026, 12, 1, 12, 0), MayorAttends = true, ProtocolNotes = "Kaymakam katılacak.",
        RecurrenceRule = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261229T205959Z", ExceptionDates = RecurrenceExpander.FormatExceptions([Utc(2026, 12, 15, 10, 0)]),
    };

    [Fact]
    public void The_ics_output_reads_back_field_by_field()
    {
        var allDay = new CalendarEvent
        {
            Id = 8, Title = "29 Ekim Cumhuriyet Bayramı Kutlaması", Type = EventType.MilliGun, StartsAt = Utc(2026, 10, 29, 0, 0),
            EndsAt = Utc(2026, 10, 30, 0, 0), AllDay = true, IsPublic = false,
        };
        var text = IcsWriter.Write("Belediye Takvimi – Başkanın programı",
            [new IcsEntry(Weekly(), "Muhtarlık İşleri Müdürlüğü"), new IcsEntry(allDay, null)], Utc(2026, 11, 25, 10, 0));

        var calendar = IcalCalendar.Load(text)!;
        Assert.Equal("Belediye Takvimi – Başkanın programı", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.Equal("Europe/Istanbul", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(2, calendar.Events.Count);

        var weekly = calendar.Events.Single(e => e.Uid == "etkinlik-7@belediye-intranet");
        Assert.Equal("Muhtarlar Toplantısı", weekly.Summary);
        Assert.Equal("Europe/Istanbul", weekly.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0), weekly.DtStart.Value);
        Assert.Equal(Utc(2026, 12, 1, 10, 0), weekly.DtStart.AsUtc);
        Assert.Equal(Utc(2026, 12, 1, 12, 0), weekly.DtEnd!.AsUtc);
        Assert.Equal("Muhtarlık İşleri Toplantı Salonu", weekly.Location);
        Assert.Equal(["Muhtar toplantısı"], weekly.Categories);
        Assert.Equal("PUBLIC", weekly.Class);
        Assert.Equal("Tür: Muhtar toplantısı\nDüzenleyen: Muhtarlık İşleri Müdürlüğü\nBelediye Başkanı katılıyor.\nProtokol: Kaymakam katılacak.", weekly.Description);
        Assert.Equal(Ical.Net.FrequencyType.Weekly, weekly.RecurrenceRule!.Frequency);
        Assert.Equal([DayOfWeek.Tuesday], weekly.RecurrenceRule.ByDay.Select(d => d.DayOfWeek));
        Assert.Equal(Utc(2026, 12, 29, 23, 59).AddSeconds(59), weekly.RecurrenceRule.Until!.AsUtc);
        Assert.Equal([Utc(2026, 12, 15, 10, 0)], weekly.ExceptionDates.GetAllDates().Select(d => d.AsUtc));
        // What a subscriber's calendar computes from the file is what the intranet shows.
        var theirs = weekly.GetOccurrences(new CalDateTime(2026, 11, 1, 0, 0, 0, "UTC")).TakeWhile(o => o.Period.StartTime.AsUtc < Utc(2027, 2, 1, 3, 0))
            .Select(o => o.Period.StartTime.AsUtc);
        var ours = RecurrenceExpander.Expand(Weekly(), Utc(2026, 11, 1, 3, 0), Utc(2027, 2, 1, 3, 0)).Select(o => o.StartsAt);
        Assert.Equal(ours, theirs);
        Assert.Equal(4, ours.Count());

        var national = calendar.Events.Single(e => e.Uid == "etkinlik-8@belediye-intranet");
        Assert.True(national.IsAllDay);
        Assert.Equal(new DateOnly(2026, 10, 29), national.DtStart!.Date);
        Assert.False(national.DtStart.HasTime);
        Assert.Equal(new DateOnly(2026, 10, 30), national.DtEnd!.Date);
        Assert.Equal("CONFIDENTIAL", national.Class);
        Assert.Null(national.RecurrenceRule);
    }

    [Fact]
    public async Task An_ics_file_is_checked_event_by_event_imported_once_and_expanded_like_our_own()
    {
        const string file = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Test//TR
            BEGIN:VEVENT
            UID:konser-1@kultur
            SUMMARY:Halk Müziği Konseri
            DTSTART:20261210T190000
            DTEND:20261210T210000
            LOCATION:Sadabad Kültür Merkezi
            END:VEVENT
            BEGIN:VEVENT
            UID:kurs-1@kultur
            SUMMARY:Ebru Kursu
            DTSTART;TZID=Europe/Istanbul:20261202T140000
            DTEND;TZID=Europe/Istanbul:20261202T160000
            RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=3
            CLASS:PRIVATE
            END:VEVENT
            BEGIN:VEVENT
            UID:sergi-1@kultur
            SUMMARY:Fotoğraf Sergisi
            DTSTART;VALUE=DATE:20261214
            DTEND;VALUE=DATE:20261217
            END:VEVENT
            BEGIN:VEVENT
            UID:bozuk-1@kultur
            DTSTART:20261211T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:ters-1@kultur
            SUMMARY:Ters Saat
            DTSTART:20261212T100000Z
            DTEND:20261212T090000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:saatlik@kultur
            SUMMARY:Her Saat
            DTSTART:20261213T100000Z
            RRULE:FREQ=HOURLY
            END:VEVENT
            END:VCALENDAR
            """;
        var importer = new CalendarImportService(_world.Database.Factory(_world.As("demo-ozk-1")), new FixedCurrentUser(_world.As("demo-ozk-1")), _world.Changes);
        var kult = _world.Directorate("KULT");

        var preview = await importer.PreviewAsync(file, kult);
        Assert.Null(preview.FileError);
        Assert.Equal(3, preview.Importable);
        Assert.Equal("Başlık (SUMMARY) yok.", preview.Items[3].Error);
        Assert.Equal("Bitiş, başlangıçtan önce ya da ona eşit.", preview.Items[4].Error);
        Assert.Contains("saatlik", preview.Items[5].Error);
        var concert = preview.Items[0];
        Assert.Equal((Utc(2026, 12, 10, 19, 0), Utc(2026, 12, 10, 21, 0), "Sadabad Kültür Merkezi"), (concert.StartsAt, concert.EndsAt, concert.Place));
        Assert.Equal((true, Utc(2026, 12, 14, 0, 0), Utc(2026, 12, 17, 0, 0)), (preview.Items[2].AllDay, preview.Items[2].StartsAt, preview.Items[2].EndsAt));

        Assert.Equal(3, await importer.ImportAsync(file, kult, EventType.KulturelEtkinlik));
        var december = await _world.OccurrencesAsync(_world.As("demo-ozk-1"), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1));
        Assert.Equal(["Ebru Kursu", "Ebru Kursu", "Halk Müziği Konseri", "Fotoğraf Sergisi", "Ebru Kursu"], december.Select(o => o.Title));
        Assert.All(december.Where(o => o.Title == "Ebru Kursu"), o => Assert.False(o.IsPublic));
        Assert.Contains(ChangeTopic.Calendar, _world.Changes.Published);

        // The same file again: nothing new, and the preview says why.
        var again = await importer.PreviewAsync(file, kult);
        Assert.Equal(0, again.Importable);
        Assert.All(again.Items.Take(3), i => Assert.True(i.AlreadyImported));
        await Assert.ThrowsAsync<ValidationException>(() => importer.ImportAsync(file, kult, EventType.KulturelEtkinlik));
    }

    [Fact]
    public async Task A_file_that_is_not_icalendar_is_one_clear_message_and_only_editors_may_import()
    {
        var importer = new CalendarImportService(_world.Database.Factory(_world.As("demo-ozk-1")), new FixedCurrentUser(_world.As("demo-ozk-1")), _world.Changes);
        Assert.StartsWith("Dosya iCalendar (.ics) biçiminde okunamadı.", (await importer.PreviewAsync("Ad;Soyad\nAli;Veli", _world.Directorate("KULT"))).FileError);
        Assert.Equal("Dosyada etkinlik (VEVENT) yok.", (await importer.PreviewAsync("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", _world.Directorate("KULT"))).FileError);

        var fen = _world.As("demo-fen-mudur");
        var outsider = new CalendarImportService(_world.Database.Factory(fen), new FixedCurrentUser(fen), _world.Changes);
        await Assert.ThrowsAsync<AccessDeniedException>(() => outsider.PreviewAsync("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", _world.Directorate("KULT")));
    }

    public void Dispose() => _world.Dispose();
}
