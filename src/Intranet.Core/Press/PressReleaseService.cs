using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Press;

public sealed record ReleaseRow(int Id, string Title, string Body, PressReleaseStatus Status, DateTime? PublishAt, IReadOnlyList<int> RecipientIds,
    string CreatedBy, DateTime CreatedAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote, DateTime? SentAt, int SentCount,
    string? SendError, Guid Version);

public sealed class ReleaseForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    /// <summary>Istanbul time the release goes out once approved.</summary>
    public DateTime? PublishLocal { get; set; }
    public List<int> RecipientIds { get; set; } = [];
}

public enum ReleaseAction
{
    Submit,
    Approve,
    Reject,
    Withdraw,
}

/// <summary>
/// Press releases: the press office writes and submits, the mayor's office approves or returns with a note, and an
/// approved release is sent at its publish time, one e-mail per recipient (no journalist sees another's address).
/// Only drafts and returned releases can be edited, so what was approved is exactly what goes out.
/// </summary>
public sealed class PressReleaseService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    IEmailSender email,
    IChangeFeed changes,
    TimeProvider clock,
    ILogger<PressReleaseService>? logger = null)
{
    private UserContext User => currentUser.User;
    private readonly ILogger _log = logger ?? NullLogger<PressReleaseService>.Instance;

    public async Task<IReadOnlyList<ReleaseRow>> ListAsync(CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Press, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PressReleases.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(ct);
        return rows.Select(Row).ToList();
    }

    private static ReleaseRow Row(PressRelease r) => new(r.Id, r.Title, r.Body, r.Status, r.PublishAt, IdList.Parse(r.RecipientIds), r.CreatedBy,
        r.CreatedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote, r.SentAt, r.SentCount, r.SendError, r.Version);

    public static bool CanEdit(PressReleaseStatus status) => status is PressReleaseStatus.Taslak or PressReleaseStatus.Reddedildi;

    /// <summary>The actions this user may take on a release in this status (the service checks again).</summary>
    public static IReadOnlyList<ReleaseAction> Available(UserContext user, PressReleaseStatus status)
    {
        var actions = new List<ReleaseAction>();
        if (PressPermissions.CanEdit(user) && CanEdit(status)) actions.Add(ReleaseAction.Submit);
        if (PressPermissions.CanApprove(user) && status == PressReleaseStatus.OnayBekliyor) actions.AddRange([ReleaseAction.Approve, ReleaseAction.Reject]);
        if (PressPermissions.CanEdit(user) && status is PressReleaseStatus.OnayBekliyor or PressReleaseStatus.Onaylandi) actions.Add(ReleaseAction.Withdraw);
        return actions;
    }

    public async Task<int> SaveDraftAsync(ReleaseForm form, CancellationToken ct = default)
    {
        if (!PressPermissions.CanEdit(User)) throw new AccessDeniedException("Basın bültenini yalnızca Basın Yayın ve sistem yöneticisi hazırlar.");
        var errors = new Dictionary<string, string>();
        var title = form.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length < 5) errors[nameof(form.Title)] = "Bültenin başlığını en az 5 karakter olarak yazın.";
        else if (title.Length > 300) errors[nameof(form.Title)] = "Başlık en fazla 300 karakter olabilir.";
        if (form.Body is { Length: > 20_000 }) errors[nameof(form.Body)] = "Bülten metni en fazla 20.000 karakter olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = form.RecipientIds.Distinct().ToList();
        if (await db.Journalists.CountAsync(j => ids.Contains(j.Id), ct) != ids.Count)
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.RecipientIds)] = "Seçilen alıcılardan biri listeden silinmiş; alıcıları yeniden seçin." });
        PressRelease release;
        if (form.Id == 0)
        {
            release = new PressRelease { Title = title!, Body = "", CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = User.Name };
            db.PressReleases.Add(release);
        }
        else
        {
            release = await LoadAsync(db, form.Id, form.Version, ct);
            if (!CanEdit(release.Status))
                throw new ValidationException($"Bu bülten \"{release.Status.Name()}\" durumunda; değiştirmek için önce geri çekin (onay yeniden istenir).");
        }
        release.Title = title!;
        release.Body = form.Body?.Trim() ?? "";
        release.PublishAt = form.PublishLocal is { } local ? IstanbulTime.ToUtc(local) : null;
        release.RecipientIds = IdList.Format(ids) ?? "";
        release.Status = PressReleaseStatus.Taslak;
        await SaveAsync(db, ct);
        return release.Id;
    }

    public async Task<Guid> ApplyAsync(int id, Guid version, ReleaseAction action, string? note = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var release = await LoadAsync(db, id, version, ct);
        if (!Available(User, release.Status).Contains(action))
            throw new AccessDeniedException(action is ReleaseAction.Approve or ReleaseAction.Reject
                ? "Basın bültenini yalnızca Özel Kalem (Başkanlık) onaylar ya da geri gönderir; bülten de onay bekliyor olmalı."
                : $"Bu bülten \"{release.Status.Name()}\" durumunda; bu işlem yapılamaz.");
        var now = clock.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case ReleaseAction.Submit:
                var missing = new List<string>();
                if (string.IsNullOrWhiteSpace(release.Body) || release.Body.Length < 20) missing.Add("en az 20 karakterlik bir metin");
                if (release.PublishAt is null) missing.Add("yayın tarihi");
                if (IdList.Parse(release.RecipientIds).Count == 0) missing.Add("en az bir alıcı");
                if (missing.Count > 0) throw new ValidationException($"Onaya göndermek için {string.Join(", ", missing)} gerekli.");
                release.Status = PressReleaseStatus.OnayBekliyor;
                release.SubmittedAt = now;
                release.DecidedAt = null;
                release.DecidedBy = null;
                release.DecisionNote = null;
                break;
            case ReleaseAction.Approve:
                release.Status = PressReleaseStatus.Onaylandi;
                release.DecidedAt = now;
                release.DecidedBy = User.Name;
                release.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
                break;
            case ReleaseAction.Reject:
                if (string.IsNullOrWhiteSpace(note)) throw new ValidationException("Geri gönderme nedenini yazın; Basın Yayın buna göre düzeltir.");
                release.Status = PressReleaseStatus.Reddedildi;
                release.DecidedAt = now;
                release.DecidedBy = User.Name;
                release.DecisionNote = ClippingKeys.Truncate(note.Trim(), 1000);
                break;
            case ReleaseAction.Withdraw:
                release.Status = PressReleaseStatus.Taslak;
                release.DecidedAt = null;
                release.DecidedBy = null;
                break;
        }
        await SaveAsync(db, ct);
        return release.Version;
    }

    /// <summary>
    /// Sends approved releases whose time has come. Each is first marked sent with a versioned save, so of two servers
    /// only one sends it; then one e-mail goes to each recipient, and failures are recorded on the release.
    /// </summary>
    public async Task<int> SendDueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        if (!User.IsSystem) throw new AccessDeniedException();
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.PressReleases.AsNoTracking().Where(r => r.Status == PressReleaseStatus.Onaylandi && r.PublishAt != null && r.PublishAt <= nowUtc)
                .OrderBy(r => r.PublishAt).Select(r => r.Id).Take(20).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var release = await db.PressReleases.SingleAsync(r => r.Id == id, ct);
            if (release.Status != PressReleaseStatus.Onaylandi) continue;
            release.Status = PressReleaseStatus.Gonderildi;
            release.SentAt = nowUtc;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // withdrawn meanwhile, or another server took it
            }
            var ids = IdList.Parse(release.RecipientIds);
            var contacts = await db.Journalists.AsNoTracking().Where(j => ids.Contains(j.Id) && j.IsActive && j.Email != null).ToListAsync(ct);
            var errors = new List<string>();
            var count = 0;
            foreach (var contact in contacts)
            {
                try
                {
                    await email.SendAsync(new EmailMessage([contact.Email!], release.Title, release.Body + "\n\n— Kağıthane Belediyesi Basın Yayın ve Halkla İlişkiler", MessageKind.PressRelease), ct);
                    count++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _log.LogWarning(ex, "Basın bülteni {Id} bir alıcıya gönderilemedi", release.Id);
                    errors.Add($"{contact.Outlet}: {ex.Message}");
                }
            }
            var skipped = ids.Count - contacts.Count;
            if (skipped > 0) errors.Add($"{skipped} alıcının e-posta adresi yok ya da kişi pasif/silinmiş.");
            release.SentCount = count;
            release.SendError = errors.Count == 0 ? null : ClippingKeys.Truncate(string.Join(" ", errors), 2000);
            await db.SaveChangesAsync(ct);
            sent++;
        }
        if (sent > 0) changes.Publish(ChangeTopic.Press);
        return sent;
    }

    private static async Task<PressRelease> LoadAsync(IntranetDbContext db, int id, Guid version, CancellationToken ct)
    {
        var release = await db.PressReleases.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new ValidationException("Bülten bulunamadı.");
        db.Entry(release).Property(r => r.Version).OriginalValue = version;
        if (release.Version != version) throw Conflict();
        return release;
    }

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

    private static ConcurrencyConflictException Conflict() =>
        new("Bu bülten siz çalışırken başka biri tarafından değiştirildi; değişikliğiniz kaydedilmedi. Liste yenilendi, güncel hâline bakıp tekrar deneyin.");
}
