using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

public sealed record AppointmentRow(int Id, string RequesterName, string? Institution, string? Phone, string? Email, string Subject,
    string? PreferredDates, AppointmentChannel Channel, AppointmentStatus Status, DateTime RequestedAt, DateTime? ScheduledAt,
    int DurationMinutes, string? Note, string? Outcome, bool WalkIn, Guid Version);

public sealed record AppointmentMessageRow(int AppointmentId, MessageChannel Channel, string Recipient, string Text, DateTime At, bool Sent, string? Error);

/// <summary>What happened to a walk-in: seen now (an appointment and a calendar entry from now), or a waiting request with the next free times.</summary>
public sealed record WalkInResult(int AppointmentId, bool SeenNow, IReadOnlyList<DateTime> NextFreeSlots);

/// <summary>The result of scheduling or declining: the new version and how each message to the requester went.</summary>
public sealed record AppointmentDecision(Guid Version, IReadOnlyList<SendOutcome> Messages);

/// <summary>
/// Appointment requests with the mayor, for Özel Kalem: taken down, evaluated, given a slot from the mayor's free time
/// (a Başkan randevusu on the calendar), the requester informed, the meeting and its outcome recorded; or declined.
/// </summary>
public sealed class AppointmentService(
    IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, WorkingCalendarProvider calendars,
    AppointmentNotifier notifier, IChangeFeed changes, TimeProvider clock)
{
    private UserContext User => currentUser.User;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<AppointmentRow>> ListAsync(AppointmentStatus status, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Appointments.AsNoTracking().Where(a => a.Status == status);
        // Waiting ones oldest first (first come, first served); scheduled by date; the rest newest first.
        query = status switch
        {
            AppointmentStatus.Bekliyor => query.OrderBy(a => a.RequestedAt),
            AppointmentStatus.Planlandi => query.OrderBy(a => a.ScheduledAt),
            _ => query.OrderByDescending(a => a.ScheduledAt ?? a.RequestedAt),
        };
        return await query.Select(a => new AppointmentRow(a.Id, a.RequesterName, a.Institution, a.Phone, a.Email, a.Subject, a.PreferredDates,
            a.Channel, a.Status, a.RequestedAt, a.ScheduledAt, a.DurationMinutes, a.Note, a.Outcome, a.WalkIn, a.Version)).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<AppointmentStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Appointments.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<AppointmentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<AppointmentMessageRow>> MessagesAsync(int appointmentId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AppointmentMessages.AsNoTracking().Where(m => m.AppointmentId == appointmentId).OrderByDescending(m => m.At).ThenByDescending(m => m.Id)
            .Select(m => new AppointmentMessageRow(m.AppointmentId, m.Channel, m.Recipient, m.Text, m.At, m.Sent, m.Error)).ToListAsync(ct);
    }

    /// <summary>Takes down a request; it waits for evaluation.</summary>
    public async Task<int> CreateAsync(AppointmentForm form, CancellationToken ct = default)
    {
        Demand();
        Validate(form, walkIn: false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointment = New(form, walkIn: false);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Calendar);
        return appointment.Id;
    }

    /// <summary>Someone at the door: seen at once if the mayor is free now, otherwise recorded as a waiting request.</summary>
    public async Task<WalkInResult> WalkInAsync(AppointmentForm form, CancellationToken ct = default)
    {
        Demand();
        form.Channel = AppointmentChannel.Ziyaret;
        Validate(form, walkIn: true);
        var now = Now;
        var duration = TimeSpan.FromMinutes(form.DurationMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var busy = await MayorConflicts.BusyAsync(db, now.AddDays(-1), now.AddDays(61), ct);
        var appointment = New(form, walkIn: true);
        var seenNow = FreeSlots.IsFree(calendar, busy, now, duration);
        if (seenNow)
        {
            appointment.Status = AppointmentStatus.Planlandi;
            appointment.ScheduledAt = now;
            appointment.Note = "Kapıdan geldi; Başkan müsait olduğu için hemen görüşüldü.";
        }
        else appointment.Note = "Kapıdan geldi; Başkan o an müsait değildi, randevu talebi oluşturuldu.";
        if (seenNow) appointment.Event = MeetingEvent(appointment);
        db.Appointments.Add(appointment);
        await SaveAsync(db, ct);
        changes.Publish(ChangeTopic.Calendar);
        return new WalkInResult(appointment.Id, seenNow, seenNow ? [] : FreeSlots.Find(calendar, busy, now, duration, 5));
    }

    /// <summary>Free times of the mayor for a meeting of this length, from a day on (today when none is given).</summary>
    public async Task<IReadOnlyList<DateTime>> FreeSlotsAsync(DateOnly? from, int durationMinutes, int count = 8, CancellationToken ct = default)
    {
        Demand();
        var start = from is { } day ? IstanbulTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)) : Now;
        if (start < Now) start = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var busy = await MayorConflicts.BusyAsync(db, start, start.AddDays(61), ct);
        return FreeSlots.Find(await calendars.GetAsync(ct), busy, start, TimeSpan.FromMinutes(durationMinutes), count);
    }

    /// <summary>Gives the request a time (or a new time): a Başkan randevusu on the calendar, and the requester is informed.</summary>
    public async Task<AppointmentDecision> ScheduleAsync(int id, Guid version, DateTime startUtc, int durationMinutes, bool confirmConflicts = false, CancellationToken ct = default)
    {
        Demand();
        if (durationMinutes is < 10 or > 240) throw new ValidationException("Görüşme süresi 10 ile 240 dakika arasında olmalı.");
        if (startUtc < Now.AddMinutes(-5)) throw new ValidationException("Randevu zamanı geçmişte olamaz.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await LoadAsync(db, id, version, ct);
        if (a.Status is not (AppointmentStatus.Bekliyor or AppointmentStatus.Planlandi))
            throw new ValidationException($"Bu randevu \"{a.Status.Name()}\" durumunda; yeniden planlanamaz.");
        a.Status = AppointmentStatus.Planlandi;
        a.ScheduledAt = startUtc;
        a.DurationMinutes = durationMinutes;
        var meeting = a.CalendarEventId is { } eventId ? await db.CalendarEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct) : null;
        if (meeting is null) a.Event = meeting = MeetingEvent(a);
        else (meeting.StartsAt, meeting.EndsAt) = (startUtc, startUtc.AddMinutes(durationMinutes));
        if (!confirmConflicts && await MayorConflicts.FindAsync(db, meeting, a.CalendarEventId, User, ct) is { Count: > 0 } conflicts)
            throw new MayorConflictException(conflicts);
        await SaveAsync(db, ct);
        var messages = await InformAsync(db, a, "Belediye Başkanı ile randevunuz", AppointmentNotifier.ScheduledText(a), ct);
        changes.Publish(ChangeTopic.Calendar);
        return new AppointmentDecision(a.Version, messages);
    }

    /// <summary>Declines with a reason the requester is told (a scheduled meeting leaves the calendar).</summary>
    public async Task<AppointmentDecision> DeclineAsync(int id, Guid version, string? reason, CancellationToken ct = default)
    {
        Demand();
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException("Neden görüşülemeyeceğini yazın; başvuru sahibine bu gerekçe bildirilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await LoadAsync(db, id, version, ct);
        if (a.Status is not (AppointmentStatus.Bekliyor or AppointmentStatus.Planlandi))
            throw new ValidationException($"Bu randevu \"{a.Status.Name()}\" durumunda; reddedilemez.");
        if (a.CalendarEventId is { } eventId && await db.CalendarEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct) is { } meeting)
            db.CalendarEvents.Remove(meeting);
        a.Status = AppointmentStatus.Reddedildi;
        a.Note = reason.Trim();
        a.ScheduledAt = null;
        await SaveAsync(db, ct);
        var messages = await InformAsync(db, a, "Belediye Başkanı ile görüşme talebiniz", AppointmentNotifier.DeclinedText(a), ct);
        changes.Publish(ChangeTopic.Calendar);
        return new AppointmentDecision(a.Version, messages);
    }

    /// <summary>Records the meeting as held, with what was discussed and agreed.</summary>
    public async Task<Guid> CompleteAsync(int id, Guid version, string? outcome, CancellationToken ct = default)
    {
        Demand();
        if (string.IsNullOrWhiteSpace(outcome)) throw new ValidationException("Görüşmenin sonucunu yazın.");
        if (outcome.Trim().Length > 4000) throw new ValidationException("Sonuç en fazla 4000 karakter olabilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await LoadAsync(db, id, version, ct);
        if (a.Status != AppointmentStatus.Planlandi) throw new ValidationException("Yalnızca planlanmış bir randevunun görüşmesi kaydedilebilir.");
        a.Status = AppointmentStatus.Gorusuldu;
        a.Outcome = outcome.Trim();
        a.CompletedAt = Now;
        await SaveAsync(db, ct);
        changes.Publish(ChangeTopic.Calendar);
        return a.Version;
    }

    /// <summary>Sends the current decision again (after a failed SMS or e-mail).</summary>
    public async Task<IReadOnlyList<SendOutcome>> InformAgainAsync(int id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Appointments.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new ValidationException("Randevu bulunamadı.");
        return a.Status switch
        {
            AppointmentStatus.Planlandi => await InformAsync(db, a, "Belediye Başkanı ile randevunuz", AppointmentNotifier.ScheduledText(a), ct),
            AppointmentStatus.Reddedildi => await InformAsync(db, a, "Belediye Başkanı ile görüşme talebiniz", AppointmentNotifier.DeclinedText(a), ct),
            _ => throw new ValidationException("Bu randevu için gönderilecek bir bildirim yok."),
        };
    }

    private async Task<IReadOnlyList<SendOutcome>> InformAsync(IntranetDbContext db, Appointment a, string subject, string text, CancellationToken ct)
    {
        var outcomes = await notifier.SendAsync(db, a, subject, text, User.Name, ct);
        await db.SaveChangesAsync(ct);
        return outcomes;
    }

    private Appointment New(AppointmentForm form, bool walkIn) => new()
    {
        RequesterName = form.RequesterName!.Trim(), Institution = Trim(form.Institution), Phone = PhoneNumber.Normalize(form.Phone),
        Email = Trim(form.Email), Subject = form.Subject!.Trim(), PreferredDates = Trim(form.PreferredDates), Channel = form.Channel,
        Status = AppointmentStatus.Bekliyor, RequestedAt = Now, DurationMinutes = form.DurationMinutes, WalkIn = walkIn,
    };

    /// <summary>The meeting on the calendar: internal (a citizen's name), in the mayor's programme, owned by the scheduler's directorate.</summary>
    private CalendarEvent MeetingEvent(Appointment a) => new()
    {
        Title = $"Başkan Randevusu: {a.RequesterName}{(a.Institution is { } i ? $" ({i})" : "")}", Type = EventType.BaskanRandevusu,
        DirectorateId = User.DirectorateId, Place = "Başkanlık Makamı", StartsAt = a.ScheduledAt!.Value,
        EndsAt = a.ScheduledAt.Value.AddMinutes(a.DurationMinutes), IsPublic = false, MayorAttends = true,
    };

    private static async Task SaveAsync(IntranetDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
    }

    private static async Task<Appointment> LoadAsync(IntranetDbContext db, int id, Guid version, CancellationToken ct)
    {
        var a = await db.Appointments.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new ValidationException("Randevu bulunamadı.");
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        if (a.Version != version) throw Conflict();
        return a;
    }

    private static ConcurrencyConflictException Conflict() =>
        new("Bu randevu siz çalışırken başka bir kullanıcı tarafından değiştirildi; değişikliğiniz kaydedilmedi. Liste yenilendi, gerekirse tekrar deneyin.");

    private static void Validate(AppointmentForm form, bool walkIn)
    {
        var errors = form.Validate(walkIn);
        if (errors.Count > 0) throw ValidationException.For(errors);
    }

    private void Demand()
    {
        if (!Policies.Allows(Policies.Appointments, User)) throw new AccessDeniedException("Randevu kayıtlarını yalnızca Özel Kalem ve sistem yöneticisi görür.");
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
