using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

/// <summary>A drag or resize on the calendar: where the occurrence now starts and ends (UTC).</summary>
public sealed record EventMove(int EventId, Guid Version, DateTime OccurrenceStart, DateTime NewStart, DateTime NewEnd, bool AllDay, EditScope Scope);

/// <summary>
/// The write side of the calendar. Every call checks the role and directorate, saves against the version the user saw
/// (a stale save is a <see cref="ConcurrencyConflictException"/>, never an overwrite), is audited by the context, and
/// publishes <see cref="ChangeTopic.Calendar"/> so open calendars, dashboards and the wall refresh. A change that puts
/// the mayor in two places at once fails with <see cref="MayorConflictException"/> unless the user confirmed it.
/// </summary>
public sealed class CalendarService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, IChangeFeed changes)
{
    private UserContext User => currentUser.User;

    /// <summary>Creates or updates an event (or one occurrence of a series) and returns the id of what was saved.</summary>
    public async Task<int> SaveAsync(EventForm form, bool confirmConflicts = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (saved, sameEventId) = await PrepareAsync(db, form, ct);
        if (!confirmConflicts && await MayorConflicts.FindAsync(db, saved, sameEventId, User, ct) is { Count: > 0 } conflicts)
            throw new MayorConflictException(conflicts);
        await SaveAsync(db, form.Id, ct);
        changes.Publish(ChangeTopic.Calendar);
        return saved.Id;
    }

    /// <summary>What saving the form would clash with in the mayor's programme, without saving: the dialog's warning.</summary>
    public async Task<IReadOnlyList<MayorConflict>> ConflictsAsync(EventForm form, CancellationToken ct = default)
    {
        if (form.Validate().Count > 0 || !form.MayorAttends) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (draft, sameEventId) = await PrepareAsync(db, form, ct);
        return await MayorConflicts.FindAsync(db, draft, sameEventId, User, ct);
    }

    /// <summary>
    /// Applies the form to the context as a save would (checks, new event, updated series, or a detached occurrence)
    /// and returns the event whose occurrences the mayor's programme must take, with the id it must not clash with.
    /// </summary>
    private async Task<(CalendarEvent Event, int? SameEventId)> PrepareAsync(IntranetDbContext db, EventForm form, CancellationToken ct)
    {
        var errors = form.Validate();
        if (errors.Count > 0) throw ValidationException.For(errors);
        if (!CalendarPermissions.CanEdit(User, form.DirectorateId))
            throw new AccessDeniedException("Bu müdürlüğün takvimine etkinlik ekleme veya değiştirme yetkiniz yok.");
        if (form.Id == 0)
        {
            var created = Apply(new CalendarEvent { Title = "" }, form, form.StartUtc);
            db.CalendarEvents.Add(created);
            return (created, null);
        }

        var existing = await LoadForEditAsync(db, form.Id, form.Version, ct);
        if (existing.RecurrenceRule is not null && form.Scope == EditScope.Occurrence) return (Detach(db, existing, form), existing.Id);
        // A series keeps its first start, shifted by as much as the opened occurrence moved; a one-off takes the form's start.
        var start = existing.RecurrenceRule is not null && form.Repeat.Kind != RepeatKind.None && form.OccurrenceStart is { } opened
            ? existing.StartsAt + (form.StartUtc - opened) : form.StartUtc;
        var shift = start - existing.StartsAt;
        existing.ExceptionDates = form.Repeat.Kind == RepeatKind.None ? null
            : RecurrenceExpander.FormatExceptions(RecurrenceExpander.ParseExceptions(existing.ExceptionDates).Select(x => x + shift));
        return (Apply(existing, form, start), existing.Id);
    }

    /// <summary>A drag or resize: the same rules as the dialog, with only the times changed.</summary>
    public async Task<int> MoveAsync(EventMove move, bool confirmConflicts = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.CalendarEvents.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(x => x.Id == move.EventId, ct)
                ?? throw new AccessDeniedException("Etkinlik bulunamadı ya da görme yetkiniz yok.");
        var form = EventForm.From(e, e.RecurrenceRule is null ? null : move.OccurrenceStart);
        form.Version = move.Version;
        form.AllDay = move.AllDay;
        form.Start = IstanbulTime.ToLocal(move.NewStart);
        form.End = IstanbulTime.ToLocal(move.NewEnd);
        form.Scope = move.Scope;
        return await SaveAsync(form, confirmConflicts, ct);
    }

    /// <summary>Deletes an event, a whole series (with its detached occurrences), or one occurrence of a series.</summary>
    public async Task DeleteAsync(int id, Guid version, EditScope scope = EditScope.Series, DateTime? occurrenceStart = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await LoadForEditAsync(db, id, version, ct);
        if (e.RecurrenceRule is not null && scope == EditScope.Occurrence)
            e.ExceptionDates = RecurrenceExpander.AddException(e.ExceptionDates,
                occurrenceStart ?? throw new ValidationException("Silinecek tekrarı seçin."));
        else
        {
            db.CalendarEvents.RemoveRange(await db.CalendarEvents.Where(x => x.SeriesId == id).ToListAsync(ct));
            db.CalendarEvents.Remove(e);
        }
        await SaveAsync(db, id, ct);
        changes.Publish(ChangeTopic.Calendar);
    }

    private async Task<CalendarEvent> LoadForEditAsync(IntranetDbContext db, int id, Guid version, CancellationToken ct)
    {
        var e = await db.CalendarEvents.VisibleTo(User).SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new AccessDeniedException("Etkinlik bulunamadı ya da görme yetkiniz yok.");
        if (!CalendarPermissions.CanEdit(User, e.DirectorateId))
            throw new AccessDeniedException("Bu etkinliği yalnızca düzenleyen müdürlük, Özel Kalem veya sistem yöneticisi değiştirebilir.");
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        if (e.Version != version) throw await ConflictAsync(id, ct);
        return e;
    }

    /// <summary>"Only this occurrence": the series leaves it out (EXDATE) and a one-off event takes its place.</summary>
    private static CalendarEvent Detach(IntranetDbContext db, CalendarEvent series, EventForm form)
    {
        var occurrence = form.OccurrenceStart ?? throw new ValidationException("Değiştirilecek tekrarı seçin.");
        series.ExceptionDates = RecurrenceExpander.AddException(series.ExceptionDates, occurrence);
        var detached = Apply(new CalendarEvent { Title = "" }, WithoutRepeat(form), form.StartUtc);
        detached.SeriesId = series.Id;
        detached.OriginalStartsAt = occurrence;
        db.CalendarEvents.Add(detached);
        return detached;
    }

    private static EventForm WithoutRepeat(EventForm form)
    {
        var single = form.Copy();
        single.Repeat = RecurrenceSpec.None;
        return single;
    }

    private static CalendarEvent Apply(CalendarEvent e, EventForm form, DateTime startUtc)
    {
        e.Title = form.Title!.Trim();
        e.Type = form.Type;
        e.DirectorateId = form.DirectorateId;
        e.Place = string.IsNullOrWhiteSpace(form.Place) ? null : form.Place.Trim();
        e.NeighbourhoodId = form.NeighbourhoodId;
        e.AllDay = form.AllDay;
        e.IsPublic = form.IsPublic;
        e.MayorAttends = form.MayorAttends;
        e.ProtocolNotes = string.IsNullOrWhiteSpace(form.ProtocolNotes) ? null : form.ProtocolNotes.Trim();
        e.Guests = string.IsNullOrWhiteSpace(form.Guests) ? null : form.Guests.Trim();
        e.StartsAt = startUtc;
        e.EndsAt = startUtc + (form.EndUtc - form.StartUtc);
        e.RecurrenceRule = form.Repeat.ToRule(IstanbulTime.ToLocal(startUtc));
        if (e.RecurrenceRule is null) e.ExceptionDates = null;
        e.RecurrenceEndsAt = e.RecurrenceRule is null ? null : RecurrenceExpander.LastEnd(e.StartsAt, e.EndsAt, e.RecurrenceRule, e.ExceptionDates);
        return e;
    }

    private async Task SaveAsync(IntranetDbContext db, int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(id, ct);
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(CalendarEvent) && a.EntityId == key)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var who = last is null ? "başka bir kullanıcı" : $"{last.UserName} ({IstanbulTime.Format(last.At)})";
        var now = await db.CalendarEvents.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Title, e.StartsAt }).SingleOrDefaultAsync(ct);
        return new ConcurrencyConflictException(
            $"Bu etkinlik siz çalışırken {who} tarafından değiştirildi; değişikliğiniz kaydedilmedi. Takvim yenilendi, gerekirse tekrar deneyin.",
            now is null ? "Etkinlik silinmiş." : $"{now.Title}, {IstanbulTime.Format(now.StartsAt)}");
    }
}
