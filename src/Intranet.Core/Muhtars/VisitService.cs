using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>The plan form of a visit or meeting; the start is Istanbul wall-clock time as the person typed it.</summary>
public sealed class VisitForm
{
    public int? Id { get; set; }
    public VisitKind Kind { get; set; } = VisitKind.MahalleZiyareti;
    public string? Title { get; set; }
    public DateTime? StartsLocal { get; set; }
    public int DurationMinutes { get; set; } = 120;
    public string? Place { get; set; }
    public bool MayorAttends { get; set; } = true;
    public List<int> NeighbourhoodIds { get; set; } = [];
    public Guid Version { get; set; }
}

public sealed record AttendeeForm(string? FullName, string? Title, int? MuhtarId);

/// <summary>
/// Plans visits and muhtar meetings (each a calendar event), keeps attendees and minutes, sends the muhtars their
/// notice through the outbox, and asks directorates for follow-up reports. Requests raised at a visit are taken by
/// <see cref="VisitIntake"/>; the page's read side is <see cref="VisitQueries"/>.
/// </summary>
public sealed class VisitService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    MuhtarOptions options,
    MuhtarMessenger messenger,
    IChangeFeed changes,
    TimeProvider clock)
{
    private UserContext User => currentUser.User;

    /// <summary>Plans a new visit or saves a changed plan (time, place, mahalle) together with its calendar event.</summary>
    public async Task<int> SaveAsync(VisitForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MuhtarAccess.DemandManageAsync(db, User, options, ct);
        var ids = form.NeighbourhoodIds.Distinct().ToList();
        var names = await db.Neighbourhoods.AsNoTracking().Where(n => ids.Contains(n.Id) && n.IsActive).Select(n => new { n.Id, n.Name }).ToListAsync(ct);
        var errors = new Dictionary<string, string>();
        if (ids.Count == 0) errors[nameof(form.NeighbourhoodIds)] = "Ziyaret edilecek mahalleyi seçin.";
        else if (names.Count != ids.Count) errors[nameof(form.NeighbourhoodIds)] = "Seçilen mahallelerden biri bulunamadı; listeden seçin.";
        else if (form.Kind == VisitKind.MahalleZiyareti && ids.Count > 1) errors[nameof(form.NeighbourhoodIds)] = "Mahalle ziyareti tek mahalleye yapılır; birden çok mahalle için muhtar toplantısı planlayın.";
        if (form.StartsLocal is null) errors[nameof(form.StartsLocal)] = "Tarih ve saati girin.";
        if (form.DurationMinutes is < 15 or > 720) errors[nameof(form.DurationMinutes)] = "Süre 15 dakika ile 12 saat arasında olmalı.";
        if (form.Title?.Length > 200) errors[nameof(form.Title)] = "Başlık en fazla 200 karakter olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        var ordered = names.OrderBy(n => n.Name, TurkishText.Comparer).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = form.Id is { } id
            ? await db.MuhtarVisits.Include(v => v.Neighbourhoods).SingleOrDefaultAsync(v => v.Id == id, ct)
              ?? throw new ValidationException("Ziyaret bulunamadı; silinmiş olabilir.")
            : db.MuhtarVisits.Add(new MuhtarVisit { Title = "", CreatedAt = now, CreatedBy = User.Name }).Entity;
        if (form.Id is not null) db.Entry(visit).Property(v => v.Version).OriginalValue = form.Version;
        visit.Kind = form.Kind;
        visit.Title = string.IsNullOrWhiteSpace(form.Title)
            ? form.Kind == VisitKind.MahalleZiyareti ? $"{ordered[0].Name} Mahallesi Ziyareti" : $"Muhtarlar Toplantısı – {string.Join(", ", ordered.Select(n => n.Name))}"
            : form.Title.Trim();
        if (visit.Title.Length > 200) visit.Title = visit.Title[..200];
        visit.StartsAt = IstanbulTime.ToUtc(form.StartsLocal!.Value);
        visit.EndsAt = visit.StartsAt.AddMinutes(form.DurationMinutes);
        visit.Place = Edits.Clean(form.Place);
        visit.MayorAttends = form.MayorAttends;
        visit.UpdatedAt = now;
        visit.Neighbourhoods.RemoveAll(n => !ids.Contains(n.NeighbourhoodId));
        foreach (var n in ids.Where(n => visit.Neighbourhoods.All(x => x.NeighbourhoodId != n)))
            visit.Neighbourhoods.Add(new VisitNeighbourhood { NeighbourhoodId = n });

        var today = IstanbulTime.Today(now);
        var muhtars = await db.Muhtars.AsNoTracking()
            .Where(m => ids.Contains(m.NeighbourhoodId) && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .Select(m => m.FullName).ToListAsync(ct);
        var muhtarlik = await db.Directorates.Where(d => d.Code == options.DirectorateCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        await VisitCalendar.ApplyAsync(db, visit, ordered.Select(n => n.Name).ToList(), muhtars, muhtarlik, ct);
        await db.SaveOrConflictAsync("Bu kayıt", ct);
        changes.Publish(ChangeTopic.Calendar);
        return visit.Id;
    }

    /// <summary>Saves the minutes (tutanak) and the attendee list as one record, against the visit's version.</summary>
    public async Task SaveRecordAsync(int visitId, Guid version, string? minutes, IReadOnlyList<AttendeeForm> attendees, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MuhtarAccess.DemandManageAsync(db, User, options, ct);
        var filled = attendees.Where(a => !string.IsNullOrWhiteSpace(a.FullName) || a.MuhtarId is not null).ToList();
        var muhtarIds = filled.Where(a => a.MuhtarId is not null).Select(a => a.MuhtarId!.Value).Distinct().ToList();
        var muhtarNames = await db.Muhtars.AsNoTracking().Where(m => muhtarIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        if (muhtarNames.Count != muhtarIds.Count) throw new ValidationException("Katılımcılar arasındaki muhtarlardan biri bulunamadı.");
        if (minutes?.Length > 8000) throw new ValidationException("Tutanak en fazla 8000 karakter olabilir.");
        var visit = await db.MuhtarVisits.Include(v => v.Attendees).SingleOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new ValidationException("Ziyaret bulunamadı.");
        db.Entry(visit).Property(v => v.Version).OriginalValue = version;
        visit.Minutes = Edits.Clean(minutes);
        visit.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        visit.Attendees.Clear();
        foreach (var a in filled)
            visit.Attendees.Add(new VisitAttendee
            {
                FullName = a.MuhtarId is { } m ? muhtarNames[m] : a.FullName!.Trim(),
                Title = Edits.Clean(a.Title) ?? (a.MuhtarId is null ? null : "Muhtar"),
                MuhtarId = a.MuhtarId,
            });
        await db.SaveOrConflictAsync("Bu kayıt", ct);
    }

    /// <summary>
    /// Tells the muhtars of the visit's mahalle when it is, by SMS and/or e-mail. The notice is keyed by the visit and
    /// its start, so pressing again sends nothing twice; a rescheduled visit gets a new notice.
    /// </summary>
    public async Task<SendOutcome> SendNoticeAsync(int visitId, bool bySms, bool byEmail, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        MuhtarVisit visit;
        IReadOnlyList<MessageRecipient> recipients;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await MuhtarAccess.DemandManageAsync(db, User, options, ct);
            visit = await db.MuhtarVisits.AsNoTracking().Include(v => v.Neighbourhoods).SingleOrDefaultAsync(v => v.Id == visitId, ct)
                ?? throw new ValidationException("Ziyaret bulunamadı.");
            if (visit.StartsAt < now) throw new ValidationException("Ziyaret zamanı geçti; geçmiş bir ziyaret için bildirim gönderilmez.");
            recipients = await MuhtarMessenger.RecipientsAsync(db, visit.Neighbourhoods.Select(n => n.NeighbourhoodId).ToList(), bySms, byEmail, IstanbulTime.Today(now), ct);
        }
        var when = IstanbulTime.ToLocal(visit.StartsAt).ToString("d MMMM yyyy dddd HH:mm", TurkishText.Culture);
        var body = visit.Kind == VisitKind.MahalleZiyareti
            ? $"{visit.Title}: {when}{(visit.Place is null ? "" : $", {visit.Place}")}. {(visit.MayorAttends ? "Belediye Başkanımız katılacaktır. " : "")}Mahallenizin taleplerini birlikte değerlendirmek üzere bilginize sunarız."
            : $"{visit.Title}: {when}{(visit.Place is null ? "" : $", {visit.Place}")}. Katılımınızı rica ederiz.";
        var id = await messenger.EnqueueAsync(dbFactory, new Announcement
        {
            Key = $"ziyaret:{visit.Id}:{visit.StartsAt:yyyyMMddHHmm}", Subject = $"Bilgilendirme: {visit.Title}", Body = body,
            BySms = bySms, ByEmail = byEmail, VisitId = visit.Id, CreatedAt = now, CreatedBy = User.Name,
        }, recipients, ct);
        return new SendOutcome(id, await messenger.DeliverAsync(dbFactory, id, retryFailed: false, ct));
    }

    /// <summary>
    /// Asks each directorate that has requests from this visit for a follow-up report by <paramref name="dueOn"/>;
    /// its directors are told in the app. A directorate already asked keeps its first request. Returns how many were asked.
    /// </summary>
    public async Task<int> AskReportsAsync(int visitId, DateOnly dueOn, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MuhtarAccess.DemandManageAsync(db, User, options, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (dueOn < IstanbulTime.Today(now)) throw new ValidationException("Rapor son tarihi bugünden önce olamaz.");
        var visit = await db.MuhtarVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new ValidationException("Ziyaret bulunamadı.");
        var directorates = await db.VisitRequests.Where(r => r.VisitId == visitId)
            .Join(db.Requests, v => v.RequestId, r => r.Id, (v, r) => r.DirectorateId)
            .Where(d => d != null).Select(d => d!.Value).Distinct().ToListAsync(ct);
        var asked = await db.VisitFollowUps.Where(f => f.VisitId == visitId).Select(f => f.DirectorateId).ToListAsync(ct);
        var toAsk = directorates.Except(asked).ToList();
        if (toAsk.Count == 0) return 0;
        var directors = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.DirectorateId != null && toAsk.Contains(u.DirectorateId.Value) && u.Roles.Contains(Roles.Director))
            .ToListAsync(ct);
        foreach (var dir in toAsk)
        {
            db.VisitFollowUps.Add(new VisitFollowUp { VisitId = visitId, DirectorateId = dir, DueOn = dueOn, RequestedAt = now, RequestedBy = User.Name });
            foreach (var director in directors.Where(d => d.DirectorateId == dir && d.RoleList().Contains(Roles.Director)))
                db.Notifications.Add(new Notification
                {
                    UserId = director.Id, CreatedAt = now, Link = $"/muhtarlar/ziyaretler/{visitId}",
                    Text = $"\"{visit.Title}\" için müdürlüğünüzden {dueOn.ToString("dd.MM.yyyy", TurkishText.Culture)} tarihine kadar takip raporu isteniyor.",
                });
        }
        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Notifications);
        return toAsk.Count;
    }

    /// <summary>The directorate writes its follow-up report (its own only; managers may write any).</summary>
    public async Task SubmitReportAsync(int followUpId, Guid version, string? report, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        MuhtarAccess.DemandRead(User);
        var followUp = await db.VisitFollowUps.SingleOrDefaultAsync(f => f.Id == followUpId, ct) ?? throw new ValidationException("Rapor isteği bulunamadı.");
        if (followUp.DirectorateId != User.DirectorateId && !await MuhtarAccess.CanManageAsync(db, User, options, ct))
            throw new AccessDeniedException("Takip raporunu yalnızca raporu istenen müdürlük yazabilir.");
        if (string.IsNullOrWhiteSpace(report) || report.Trim().Length < 10) throw new ValidationException("Raporu en az 10 karakter olarak yazın.");
        db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
        followUp.Report = report.Trim();
        followUp.ReportedAt = clock.GetUtcNow().UtcDateTime;
        followUp.ReportedBy = User.Name;
        await db.SaveOrConflictAsync("Bu kayıt", ct);
    }
}
