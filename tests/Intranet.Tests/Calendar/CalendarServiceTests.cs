using Intranet.Core.Calendar;
using Intranet.Core.Common;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Calendar;

public sealed class CalendarServiceTests : IDisposable
{
    private readonly CalendarWorld _world = new();
    private static readonly DateOnly December = new(2026, 12, 1), January = new(2027, 1, 1);

    [Fact]
    public async Task A_director_adds_an_event_to_their_directorate_and_open_calendars_are_told()
    {
        var director = _world.As("demo-fen-mudur");
        var id = await _world.Service(director).SaveAsync(_world.Form("Gültepe Yolu Açılışı", "FEN", new DateTime(2026, 12, 3, 11, 0, 0), 2));

        var occurrence = Assert.Single(await _world.OccurrencesAsync(director, December, January));
        Assert.Equal((id, Utc(2026, 12, 3, 11, 0), Utc(2026, 12, 3, 13, 0)), (occurrence.EventId, occurrence.StartsAt, occurrence.EndsAt));
        Assert.Equal("Fen İşleri Müdürlüğü", occurrence.Directorate);
        Assert.True(occurrence.CanEdit);
        Assert.Contains(ChangeTopic.Calendar, _world.Changes.Published);
    }

    [Fact]
    public async Task Directors_and_staff_edit_only_their_directorate_the_mayors_office_everything_and_the_press_nothing()
    {
        var start = new DateTime(2026, 12, 3, 11, 0, 0);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Service(_world.As("demo-fen-mudur")).SaveAsync(_world.Form("Park Açılışı", "PARK", start)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Service(_world.As("demo-basin")).SaveAsync(_world.Form("Basın Toplantısı", "BASIN", start)));
        var parkEvent = await _world.Service(_world.As("demo-park-personel")).SaveAsync(_world.Form("Fidan Dikimi", "PARK", start));
        var ozk = await _world.Service(_world.As("demo-ozk-1")).SaveAsync(_world.Form("Fen İşleri Yatırım Gezisi", "FEN", start.AddDays(1)));

        var fenStaff = _world.As("demo-fen-personel-1");
        var form = EventForm.From(await _world.EventAsync(parkEvent));
        form.Title = "Başka bir başlık";
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Service(fenStaff).SaveAsync(form));
        // The mayor's office put an event into Fen İşleri's calendar: Fen İşleri may now edit it.
        var seen = await _world.OccurrencesAsync(fenStaff, December, January);
        Assert.Equal([false, true], seen.Select(o => o.CanEdit));
        var ozkForm = EventForm.From(await _world.EventAsync(ozk));
        ozkForm.Place = "Fen İşleri şantiyesi";
        await _world.Service(fenStaff).SaveAsync(ozkForm);
        Assert.All(await _world.OccurrencesAsync(_world.As("demo-basin"), December, January), o => Assert.False(o.CanEdit));
    }

    [Fact]
    public async Task Internal_events_are_seen_by_their_directorate_and_the_offices_that_see_every_directorate()
    {
        var form = _world.Form("Fen İşleri iç toplantısı", "FEN", new DateTime(2026, 12, 3, 9, 0, 0));
        form.IsPublic = false;
        await _world.Service(_world.As("demo-fen-mudur")).SaveAsync(form);

        foreach (var who in new[] { "demo-fen-personel-1", "demo-ozk-1", "demo-admin", "demo-halk-personel-1" })
            Assert.Single(await _world.OccurrencesAsync(_world.As(who), December, January));
        foreach (var who in new[] { "demo-park-mudur", "demo-basin" })
            Assert.Empty(await _world.OccurrencesAsync(_world.As(who), December, January));
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_that_names_who_saved_and_changes_nothing()
    {
        var (first, second) = (_world.As("demo-fen-mudur"), _world.As("demo-fen-personel-1"));
        var id = await _world.Service(first).SaveAsync(_world.Form("Asfalt Şantiyesi Ziyareti", "FEN", new DateTime(2026, 12, 3, 11, 0, 0)));
        var mine = EventForm.From(await _world.EventAsync(id));
        var theirs = EventForm.From(await _world.EventAsync(id));

        theirs.Place = "Çağlayan";
        await _world.Service(second).SaveAsync(theirs);
        mine.Place = "Gürsel";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Service(first).SaveAsync(mine));

        Assert.Contains("Ilgaz Şimşek", conflict.Message);
        Assert.Equal("Çağlayan", (await _world.EventAsync(id)).Place);
        // A drag with the old version is refused the same way.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Service(first).MoveAsync(
            new EventMove(id, mine.Version, Utc(2026, 12, 3, 11, 0), Utc(2026, 12, 4, 11, 0), Utc(2026, 12, 4, 12, 0), false, EditScope.Series)));
    }

    private async Task<(int Id, CalendarService Service)> WeeklyMuhtarMeetingAsync(int count = 5)
    {
        var service = _world.Service(_world.As("demo-ozk-1"));
        // Tuesdays 10:00–12:00 from 1 December 2026.
        var id = await service.SaveAsync(_world.Form("Muhtarlar Toplantısı", "MUHT", new DateTime(2026, 12, 1, 10, 0, 0), 2,
            repeat: new RecurrenceSpec(RepeatKind.Weekly, Count: count)));
        return (id, service);
    }

    [Fact]
    public async Task Moving_one_occurrence_detaches_it_and_the_series_leaves_it_out()
    {
        var (id, service) = await WeeklyMuhtarMeetingAsync();
        var series = await _world.EventAsync(id);

        await service.MoveAsync(new EventMove(id, series.Version, Utc(2026, 12, 8, 10, 0), Utc(2026, 12, 9, 14, 0), Utc(2026, 12, 9, 16, 0), false, EditScope.Occurrence));

        var starts = (await _world.OccurrencesAsync(_world.As("demo-ozk-1"), December, January)).Select(o => (o.StartsAt, o.IsDetached)).ToList();
        Assert.Equal([(Utc(2026, 12, 1, 10, 0), false), (Utc(2026, 12, 9, 14, 0), true), (Utc(2026, 12, 15, 10, 0), false),
            (Utc(2026, 12, 22, 10, 0), false), (Utc(2026, 12, 29, 10, 0), false)], starts);
        Assert.Equal([Utc(2026, 12, 8, 10, 0)], RecurrenceExpander.ParseExceptions((await _world.EventAsync(id)).ExceptionDates));
    }

    [Fact]
    public async Task Moving_the_whole_series_moves_every_occurrence_to_the_new_weekday_and_time()
    {
        var (id, service) = await WeeklyMuhtarMeetingAsync();
        var series = await _world.EventAsync(id);

        // The occurrence of Tuesday 8 December is dragged to Wednesday 9 December 11:00, for the whole series.
        await service.MoveAsync(new EventMove(id, series.Version, Utc(2026, 12, 8, 10, 0), Utc(2026, 12, 9, 11, 0), Utc(2026, 12, 9, 13, 0), false, EditScope.Series));

        var moved = await _world.EventAsync(id);
        Assert.Equal("FREQ=WEEKLY;BYDAY=WE;COUNT=5", moved.RecurrenceRule);
        Assert.Equal([Utc(2026, 12, 2, 11, 0), Utc(2026, 12, 9, 11, 0), Utc(2026, 12, 16, 11, 0), Utc(2026, 12, 23, 11, 0), Utc(2026, 12, 30, 11, 0)],
            (await _world.OccurrencesAsync(_world.As("demo-ozk-1"), December, January)).Select(o => o.StartsAt));
        Assert.Equal(Utc(2026, 12, 30, 13, 0), moved.RecurrenceEndsAt);
    }

    [Fact]
    public async Task Deleting_one_occurrence_keeps_the_others_and_deleting_the_series_removes_its_detached_ones_too()
    {
        var (id, service) = await WeeklyMuhtarMeetingAsync();
        var version = (await _world.EventAsync(id)).Version;
        await service.MoveAsync(new EventMove(id, version, Utc(2026, 12, 8, 10, 0), Utc(2026, 12, 9, 14, 0), Utc(2026, 12, 9, 16, 0), false, EditScope.Occurrence));

        await service.DeleteAsync(id, (await _world.EventAsync(id)).Version, EditScope.Occurrence, Utc(2026, 12, 15, 10, 0));
        Assert.Equal(4, (await _world.OccurrencesAsync(_world.As("demo-ozk-1"), December, January)).Count);

        await service.DeleteAsync(id, (await _world.EventAsync(id)).Version);
        Assert.Empty(await _world.OccurrencesAsync(_world.As("demo-ozk-1"), December, January));
    }

    [Fact]
    public async Task A_clash_in_the_mayors_programme_is_found_over_expanded_occurrences_and_saved_only_when_confirmed()
    {
        var office = _world.Service(_world.As("demo-ozk-1"));
        // Opening on Tuesday 12 January 2027 11:00–13:00 with the mayor.
        await office.SaveAsync(_world.Form("Hamidiye Kreşi Açılışı", "PARK", new DateTime(2027, 1, 12, 11, 0, 0), 2, mayor: true));
        // Without the mayor, the same time clashes with nothing.
        await office.SaveAsync(_world.Form("Hamidiye Fidan Dikimi", "PARK", new DateTime(2027, 1, 12, 11, 0, 0), 2));

        // A never-ending weekly series from 1 December on Tuesdays 10:00–12:00 meets it in its seventh week.
        var series = _world.Form("Muhtarlar Toplantısı", "MUHT", new DateTime(2026, 12, 1, 10, 0, 0), 2, mayor: true,
            repeat: new RecurrenceSpec(RepeatKind.Weekly));
        var warning = Assert.Single(await office.ConflictsAsync(series));
        Assert.Equal((Utc(2027, 1, 12, 10, 0), "Hamidiye Kreşi Açılışı", Utc(2027, 1, 12, 11, 0)), (warning.StartsAt, warning.OtherTitle, warning.OtherStartsAt));
        var refused = await Assert.ThrowsAsync<MayorConflictException>(() => office.SaveAsync(series));
        Assert.Single(refused.Conflicts);
        Assert.Empty(await _world.OccurrencesAsync(_world.As("demo-ozk-1"), December, December.AddDays(7)));

        var id = await office.SaveAsync(series, confirmConflicts: true);
        Assert.Equal("FREQ=WEEKLY;BYDAY=TU", (await _world.EventAsync(id)).RecurrenceRule);
        // Moving that one occurrence away clears the clash.
        var version = (await _world.EventAsync(id)).Version;
        await office.MoveAsync(new EventMove(id, version, Utc(2027, 1, 12, 10, 0), Utc(2027, 1, 12, 8, 30), Utc(2027, 1, 12, 10, 30), false, EditScope.Occurrence));
        Assert.Empty(await office.ConflictsAsync(EventForm.From(await _world.EventAsync(id))));
    }

    [Fact]
    public async Task A_clash_with_an_event_the_user_may_not_see_is_reported_without_its_details()
    {
        var appointment = _world.Form("Başkan Randevusu: Ayşe Yılmaz", "OZK", new DateTime(2026, 12, 3, 14, 0, 0), 1, mayor: true);
        appointment.IsPublic = false;
        await _world.Service(_world.As("demo-ozk-1")).SaveAsync(appointment);

        var visit = _world.Form("Şantiye ziyareti", "FEN", new DateTime(2026, 12, 3, 14, 30, 0), 1, mayor: true);
        var warning = Assert.Single(await _world.Service(_world.As("demo-fen-mudur")).ConflictsAsync(visit));

        Assert.Equal(MayorConflicts.HiddenTitle, warning.OtherTitle);
    }

    [Fact]
    public async Task The_form_says_what_is_wrong_field_by_field()
    {
        var form = new EventForm { Start = new DateTime(2026, 12, 3, 11, 0, 0), End = new DateTime(2026, 12, 3, 10, 0, 0) };
        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(_world.As("demo-ozk-1")).SaveAsync(form));

        Assert.Equal("Etkinliğin adını yazın.", error.Fields[nameof(EventForm.Title)]);
        Assert.Equal("Etkinliği düzenleyen müdürlüğü seçin.", error.Fields[nameof(EventForm.DirectorateId)]);
        Assert.Equal("Bitiş, başlangıçtan sonra olmalı.", error.Fields[nameof(EventForm.End)]);
        var tooLong = _world.Form("Kitap Günleri", "KULT", new DateTime(2026, 12, 3, 10, 0, 0), 30, repeat: new RecurrenceSpec(RepeatKind.Weekly));
        Assert.Contains("en fazla bir gün", tooLong.Validate()[nameof(EventForm.End)]);
    }

    public void Dispose() => _world.Dispose();
}
