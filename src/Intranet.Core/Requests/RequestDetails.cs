using Intranet.Core.Auditing;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

public sealed record HistoryEntry(DateTime At, string UserName, RequestStatus? From, RequestStatus To, string? Directorate, string? Assignee, string? Note);

public sealed record AttachmentInfo(int Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string UploadedBy);

public sealed record StatusDuration(RequestStatus Status, TimeSpan Duration);

/// <summary>The citizen as a list shows them (masked) or as a revealed, logged view shows them; <see cref="Hidden"/>: a secret ihbar's sender.</summary>
public sealed record CitizenView(int Id, string Name, string Phone, string Email, string TcKimlikNo, bool Masked, bool Hidden = false);

/// <summary>Everything the detail page shows about one request.</summary>
public sealed record RequestDetail(
    Request Request,
    string Category,
    string Neighbourhood,
    string? Directorate,
    string? Assignee,
    CitizenView? Citizen,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<PastRequest> CitizensOtherRequests,
    IReadOnlyList<StatusDuration> TimeInStatus,
    SlaState Sla,
    IReadOnlyList<RequestAction> Actions,
    bool CanRevealCitizen);

/// <summary>Where a request stands against its deadline.</summary>
public sealed record SlaState(string Text, bool IsLate, bool IsNear);

/// <summary>The detail page's read side, and the KVKK-logged view of a citizen's full record.</summary>
public sealed class RequestDetails(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<RequestDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Requests.AsNoTracking().VisibleTo(User)
            .Include(x => x.Category).Include(x => x.Neighbourhood).Include(x => x.Directorate).Include(x => x.Assignee).Include(x => x.Citizen)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;

        var history = await db.RequestHistory.AsNoTracking().Where(h => h.RequestId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        var names = await NamesAsync(db, history, ct);
        var attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        // A secret ihbar names no one to who may not know its sender: no citizen, no link to their other requests,
        // and their other requests do not lead back to it.
        var hidden = ConfidentialIdentity.Hides(User, r.IdentityConfidential);
        var seesSecret = ConfidentialIdentity.Sees(User);
        var others = r.CitizenId is null || hidden ? [] : await db.Requests.AsNoTracking().VisibleTo(User)
            .Where(x => x.CitizenId == r.CitizenId && x.Id != id && (seesSecret || !x.IdentityConfidential)).OrderByDescending(x => x.CreatedAt).Take(20)
            .Select(x => new PastRequest(x.Id, x.Number, x.Status, x.Category!.Name, x.CreatedAt)).ToListAsync(ct);

        if (hidden && r.Citizen is { } sender)
        {
            (r.Text, r.ReplyText, r.Resolution, r.Note) = (ConfidentialIdentity.Redact(r.Text, sender)!, ConfidentialIdentity.Redact(r.ReplyText, sender),
                ConfidentialIdentity.Redact(r.Resolution, sender), ConfidentialIdentity.Redact(r.Note, sender));
            foreach (var h in history) h.Note = ConfidentialIdentity.Redact(h.Note, sender);
        }
        var citizen = r.Citizen is null ? null : hidden ? HiddenCitizen : Mask(r.Citizen);
        // The entity goes to the page: it carries the citizen only as the masked view above.
        r.Citizen = null;
        if (hidden) r.CitizenId = null;
        return new RequestDetail(r, r.Category!.Name, r.Neighbourhood!.Name, r.Directorate?.Name, r.Assignee?.DisplayName,
            citizen,
            history.Select(h => new HistoryEntry(h.At, h.UserName, h.FromStatus, h.ToStatus,
                h.DirectorateId is { } d ? names.Directorates.GetValueOrDefault(d) : null,
                h.AssigneeId is { } a ? names.Users.GetValueOrDefault(a) : null, h.Note)).ToList(),
            attachments, others, TimeInStatus(history, r, now), Sla(r, now),
            RequestPermissions.Available(User, r), citizen is not null && MayReveal(r));
    }

    /// <summary>The citizen's full personal data. Every call is written to the audit log as a view (KVKK).</summary>
    public async Task<CitizenView> RevealCitizenAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Requests.AsNoTracking().VisibleTo(User).Include(x => x.Citizen).SingleOrDefaultAsync(x => x.Id == requestId, ct)
            ?? throw new AccessDeniedException("Başvuru bulunamadı ya da görme yetkiniz yok.");
        if (r.Citizen is null || !MayReveal(r)) throw new AccessDeniedException("Kişisel verileri görme yetkiniz yok.");
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, EntityType = nameof(Citizen), EntityId = r.Citizen.Id.ToString(),
            Action = AuditActions.Viewed, UserObjectId = User.ObjectId, UserName = User.Name, After = $"{{\"Request\":\"{r.Number}\"}}",
        });
        await db.SaveChangesAsync(ct);
        var c = r.Citizen;
        return new CitizenView(c.Id, c.FullName, c.Phone ?? "", c.Email ?? "", c.TcKimlikNo ?? "", Masked: false);
    }

    public async Task<(string FileName, string ContentType, byte[] Content)?> AttachmentAsync(int attachmentId, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
        var a = await db.RequestAttachments.AsNoTracking().Where(x => x.Id == attachmentId && visible.Contains(x.RequestId))
            .Select(x => new { x.FileName, x.ContentType, x.Content }).SingleOrDefaultAsync(ct);
        return a is null ? null : (a.FileName, a.ContentType, a.Content);
    }

    /// <summary>Who needs the identity: the screening desk, Admin and the directorate working on it; not the mayor's office or press.</summary>
    private bool MayReveal(Request r) =>
        !ConfidentialIdentity.Hides(User, r.IdentityConfidential)
        && (User.IsScreeningDesk || User.IsInRole(Roles.Admin)
            || (User.DirectorateId == r.DirectorateId && (User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Director))));

    private static readonly CitizenView HiddenCitizen = new(0, ConfidentialIdentity.Label, "", "", "", Masked: true, Hidden: true);

    private static CitizenView Mask(Citizen c) => new(c.Id, PersonalData.MaskName(c.FullName), PhoneNumber.Mask(c.Phone),
        PersonalData.MaskEmail(c.Email), TcKimlikNo.Mask(c.TcKimlikNo), Masked: true);

    private static async Task<(Dictionary<int, string> Directorates, Dictionary<int, string> Users)> NamesAsync(
        IntranetDbContext db, List<RequestHistory> history, CancellationToken ct)
    {
        var dirIds = history.Where(h => h.DirectorateId != null).Select(h => h.DirectorateId!.Value).Distinct().ToList();
        var userIds = history.Where(h => h.AssigneeId != null).Select(h => h.AssigneeId!.Value).Distinct().ToList();
        return (await db.Directorates.Where(d => dirIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
                await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }

    /// <summary>Time spent in each status, from the history's consecutive steps; the current status counts until now (or closing).</summary>
    internal static IReadOnlyList<StatusDuration> TimeInStatus(IReadOnlyList<RequestHistory> history, Request r, DateTime now)
    {
        var totals = new Dictionary<RequestStatus, TimeSpan>();
        for (var i = 0; i < history.Count; i++)
        {
            var end = i + 1 < history.Count ? history[i + 1].At : r.ClosedAt ?? now;
            if (history[i].ToStatus == RequestStatus.Kapandi) continue;
            totals[history[i].ToStatus] = totals.GetValueOrDefault(history[i].ToStatus) + (end - history[i].At);
        }
        return totals.Select(t => new StatusDuration(t.Key, t.Value)).OrderBy(t => t.Status).ToList();
    }

    internal static SlaState Sla(Request r, DateTime now)
    {
        if (r.ResolvedAt is { } resolved)
            return resolved <= r.DueAt ? new("Süresi içinde çözüldü", false, false) : new($"Geç çözüldü ({Days(resolved - r.DueAt)} gecikme)", true, false);
        if (r.Status == RequestStatus.DisKurumaYonlendirildi) return new("Dış kurumda; süre takibi kurumda", false, false);
        if (!r.IsOpen) return new("Kapandı", false, false);
        if (now > r.DueAt) return new($"Süresi geçti ({Days(now - r.DueAt)} gecikme)", true, false);
        return r.DueAt - now < TimeSpan.FromHours(24)
            ? new($"Süre dolmak üzere ({IstanbulTime.Format(r.DueAt)})", false, true)
            : new($"Süresi içinde (son gün {IstanbulTime.Format(r.DueAt)})", false, false);
    }

    private static string Days(TimeSpan span) => span.TotalHours < 24 ? $"{Math.Ceiling(span.TotalHours):N0} saat" : $"{span.TotalDays:N0} gün";
}
