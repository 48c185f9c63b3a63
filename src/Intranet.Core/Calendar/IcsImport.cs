using System.Runtime.Serialization;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Intranet.Core.Calendar;

/// <summary>One VEVENT of an uploaded file as it would be imported, or why it will not be.</summary>
public sealed record IcsImportItem(int Line, string? Uid, string Title, DateTime StartsAt, DateTime EndsAt, bool AllDay, string? Place,
    string? Rule, string? ExceptionDates, bool IsPublic, string? Error, bool AlreadyImported)
{
    public bool CanImport => Error is null && !AlreadyImported;
}

public sealed record IcsImportPreview(IReadOnlyList<IcsImportItem> Items, string? FileError)
{
    public int Importable => Items.Count(i => i.CanImport);
}

/// <summary>
/// Imports an .ics file into one directorate's calendar: every event is checked first (title, times, rule) and the
/// preview says what will be added and why anything will not; the same file imported twice adds nothing (UIDs).
/// Floating times are read as Istanbul time, whole days stay whole days, RRULE and EXDATE are kept.
/// </summary>
public sealed class CalendarImportService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, IChangeFeed changes)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxEvents = 2000;

    public async Task<IcsImportPreview> PreviewAsync(string content, int directorateId, CancellationToken ct = default)
    {
        Demand(directorateId);
        var (items, error) = Read(content);
        if (error is not null) return new IcsImportPreview([], error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var uids = items.Select(i => i.Uid).OfType<string>().ToList();
        var known = (await db.CalendarEvents.Where(e => e.DirectorateId == directorateId && e.ImportUid != null && uids.Contains(e.ImportUid))
            .Select(e => e.ImportUid!).ToListAsync(ct)).ToHashSet();
        return new IcsImportPreview(items.Select(i => i with { AlreadyImported = i.Uid is not null && known.Contains(i.Uid) }).ToList(), null);
    }

    /// <summary>Adds the importable events of the file with the chosen type; returns how many were added.</summary>
    public async Task<int> ImportAsync(string content, int directorateId, EventType type, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(content, directorateId, ct);
        if (preview.FileError is not null) throw new ValidationException(preview.FileError);
        var rows = preview.Items.Where(i => i.CanImport).ToList();
        if (rows.Count == 0) throw new ValidationException("Dosyada içe aktarılabilecek yeni etkinlik yok.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.CalendarEvents.AddRange(rows.Select(i => new CalendarEvent
        {
            Title = i.Title, Type = type, DirectorateId = directorateId, Place = i.Place, StartsAt = i.StartsAt, EndsAt = i.EndsAt,
            AllDay = i.AllDay, IsPublic = i.IsPublic, RecurrenceRule = i.Rule, ExceptionDates = i.ExceptionDates, ImportUid = i.Uid,
            RecurrenceEndsAt = i.Rule is null ? null : RecurrenceExpander.LastEnd(i.StartsAt, i.EndsAt, i.Rule, i.ExceptionDates),
        }));
        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Calendar);
        return rows.Count;
    }

    /// <summary>Parses the file; a file that is not iCalendar at all is one error, a bad event is an error on its row.</summary>
    public static (IReadOnlyList<IcsImportItem> Items, string? FileError) Read(string content)
    {
        if (string.IsNullOrWhiteSpace(content)) return ([], "Dosya boş.");
        if (content.Length > MaxBytes) return ([], "Dosya 2 MB'tan büyük; daha küçük parçalar hâlinde içe aktarın.");
        IcalCalendar? calendar;
        try
        {
            calendar = IcalCalendar.Load(content);
        }
        catch (Exception ex) when (ex is SerializationException or ArgumentException or FormatException)
        {
            return ([], "Dosya iCalendar (.ics) biçiminde okunamadı. Outlook'tan veya Google Takvim'den \"dışa aktar\" ile alınan .ics dosyasını seçin.");
        }
        if (calendar is null || calendar.Events.Count == 0) return ([], "Dosyada etkinlik (VEVENT) yok.");
        if (calendar.Events.Count > MaxEvents) return ([], $"Dosyada {calendar.Events.Count} etkinlik var; bir seferde en fazla {MaxEvents} alınır.");
        return (calendar.Events.Select((e, i) => ReadEvent(e, i + 1)).ToList(), null);
    }

    private static IcsImportItem ReadEvent(IcalEvent e, int number)
    {
        var title = e.Summary?.Trim() ?? "";
        var uid = string.IsNullOrWhiteSpace(e.Uid) ? null : e.Uid.Trim();
        IcsImportItem Fail(string error) => new(number, uid, title.Length == 0 ? "(başlıksız)" : title, default, default, false, null, null, null, true, error, false);

        if (title.Length == 0) return Fail("Başlık (SUMMARY) yok.");
        if (title.Length > 200) return Fail("Başlık 200 karakterden uzun.");
        if (uid?.Length > 300) return Fail("UID 300 karakterden uzun.");
        if (e.DtStart is not { } start) return Fail("Başlangıç zamanı (DTSTART) yok ya da okunamadı.");
        if (e.RecurrenceIdentifier is not null) return Fail("Tek bir tekrarın değişikliği (RECURRENCE-ID) içe aktarılmaz; seriyi içe aktarın.");
        var allDay = !start.HasTime;
        var startsAt = Utc(start);
        var endsAt = e.DtEnd is { } end ? Utc(end)
            : e.Duration is { } duration ? Utc(start.Add(duration))
            : allDay ? startsAt.AddDays(1) : startsAt.AddHours(1);
        if (endsAt <= startsAt) return Fail("Bitiş, başlangıçtan önce ya da ona eşit.");
        if (endsAt - startsAt > TimeSpan.FromDays(31)) return Fail("31 günden uzun etkinlik içe aktarılmaz.");

        string? rule = null, exceptions = null;
        if (e.RecurrenceRule is not null)
        {
            rule = RuleText(e);
            if (RecurrenceSpec.Check(rule) is { } ruleError) return Fail(ruleError);
            if (endsAt - startsAt > TimeSpan.FromDays(1)) return Fail("Tekrarlanan bir etkinliğin her tekrarı en fazla bir gün sürebilir.");
            exceptions = RecurrenceExpander.FormatExceptions(e.ExceptionDates.GetAllDates().Select(Utc));
        }
        var place = e.Location?.Trim() is { Length: > 0 } l ? (l.Length > 200 ? l[..200] : l) : null;
        var isPublic = e.Class is not ("PRIVATE" or "CONFIDENTIAL");
        return new IcsImportItem(number, uid, title, startsAt, endsAt, allDay, place, rule, exceptions, isPublic, null, false);
    }

    /// <summary>Floating times and dates are Istanbul's; zoned and UTC times convert to UTC.</summary>
    private static DateTime Utc(CalDateTime t) =>
        t.IsFloating || !t.HasTime ? IstanbulTime.ToUtc(t.HasTime ? t.Value : t.Date.ToDateTime(TimeOnly.MinValue)) : t.AsUtc;

    private static string RuleText(IcalEvent e) =>
        new Ical.Net.Serialization.DataTypes.RecurrenceRuleSerializer().SerializeToString(e.RecurrenceRule)?.Trim() ?? "";

    private void Demand(int directorateId)
    {
        if (!CalendarPermissions.CanEdit(currentUser.User, directorateId))
            throw new AccessDeniedException("Bu müdürlüğün takvimine etkinlik ekleme yetkiniz yok.");
    }
}
