using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>Who does what in the press feature, checked by the services (the pages only hide what these refuse).</summary>
public static class PressPermissions
{
    /// <summary>Triage, manual clippings, sources, rules, releases and contacts: the press office and Admin.</summary>
    public static bool CanEdit(UserContext user) => user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Press);

    /// <summary>Press releases are approved by the mayor's office only.</summary>
    public static bool CanApprove(UserContext user) => user.IsInRole(Roles.MayorOffice);
}

/// <summary>What the press office decides about a clipping, against the version they saw.</summary>
public sealed record ClippingTriage(int Id, Guid Version, Tone Tone, string? Topic, IReadOnlyList<int> DirectorateIds, int Importance, bool NeedsAnswer);

/// <summary>A print clipping or a TV/radio mention typed in by the press office. Mutable: the form binds to it.</summary>
public sealed class ManualClippingForm
{
    public ClippingKind Kind { get; set; } = ClippingKind.Basili;
    public int? SourceId { get; set; }
    /// <summary>Istanbul date (and, for broadcasts, time) of the paper or the broadcast.</summary>
    public DateTime? PublishedLocal { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Page { get; set; }
    public string? Columnist { get; set; }
    public string? Program { get; set; }
    public string? Url { get; set; }
    public Tone Tone { get; set; }
    public string? Topic { get; set; }
    public int Importance { get; set; }
    public bool NeedsAnswer { get; set; }
    public List<int> DirectorateIds { get; set; } = [];
    public List<UploadedFile> Scans { get; set; } = [];
}

/// <summary>
/// The write side of clippings: triage, manual entries with their scans, deletion of a false match. Every change goes
/// through the audited, versioned save, and publishes <see cref="ChangeTopic.Press"/> for the live screens.
/// </summary>
public sealed class PressService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    private void DemandEdit()
    {
        if (!PressPermissions.CanEdit(User)) throw new AccessDeniedException("Kupürleri yalnızca Basın Yayın ve sistem yöneticisi düzenleyebilir.");
    }

    public async Task<Guid> TriageAsync(ClippingTriage t, CancellationToken ct = default)
    {
        DemandEdit();
        if (t.Importance is < 0 or > 5) throw new ValidationException("Önem 1 ile 5 arasında olmalı.");
        var topic = string.IsNullOrWhiteSpace(t.Topic) ? null : t.Topic.Trim();
        if (topic is { Length: > 100 }) throw new ValidationException("Konu en fazla 100 karakter olabilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckDirectoratesAsync(db, t.DirectorateIds, ct);
        var clipping = await db.PressClippings.SingleOrDefaultAsync(c => c.Id == t.Id, ct) ?? throw new ValidationException("Kupür bulunamadı; silinmiş olabilir.");
        db.Entry(clipping).Property(c => c.Version).OriginalValue = t.Version;
        if (clipping.Version != t.Version) throw await ConflictAsync(t.Id, ct);
        clipping.Tone = t.Tone;
        clipping.Topic = topic;
        clipping.DirectorateIds = IdList.Format(t.DirectorateIds);
        clipping.Importance = t.Importance;
        clipping.NeedsAnswer = t.NeedsAnswer;
        clipping.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        clipping.ReviewedBy = User.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(t.Id, ct);
        }
        changes.Publish(ChangeTopic.Press);
        return clipping.Version;
    }

    public async Task<int> CreateManualAsync(ManualClippingForm form, CancellationToken ct = default)
    {
        DemandEdit();
        var errors = Validate(form);
        if (errors.Count > 0) throw ValidationException.For(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.PressSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.SourceId, ct)
            ?? throw ValidationException.For(new Dictionary<string, string> { [nameof(form.SourceId)] = "Gazete, kanal veya kaynağı seçin." });
        await CheckDirectoratesAsync(db, form.DirectorateIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var matcher = await ClippingIntake.LoadMatcherAsync(db, ct);
        var match = matcher.Match(form.Title, form.Text);
        var clipping = new PressClipping
        {
            SourceId = source.Id,
            Kind = form.Kind,
            Title = form.Title!.Trim(),
            Text = string.IsNullOrWhiteSpace(form.Text) ? null : form.Text.Trim(),
            Summary = string.IsNullOrWhiteSpace(form.Text) ? null : ClippingKeys.Shorten(form.Text.Trim(), 600),
            Url = string.IsNullOrWhiteSpace(form.Url) ? null : form.Url.Trim(),
            Page = Clean(form.Page),
            Columnist = Clean(form.Columnist),
            Program = Clean(form.Program),
            PublishedAt = IstanbulTime.ToUtc(form.PublishedLocal!.Value),
            CapturedAt = now,
            CapturedBy = User.Name,
            Tone = form.Tone,
            Topic = Clean(form.Topic),
            Importance = form.Importance,
            NeedsAnswer = form.NeedsAnswer,
            DirectorateIds = IdList.Format(form.DirectorateIds.Concat(match.DirectorateIds)),
            MatchedRules = match.Any ? ClippingKeys.Truncate(match.Names, 1000) : null,
            ReviewedAt = now,
            ReviewedBy = User.Name,
        };
        ClippingKeys.Apply(clipping);
        if (await db.PressClippings.AsNoTracking().Where(c => c.SourceId == source.Id && c.TitleKey == clipping.TitleKey)
                .Select(c => (DateTime?)c.PublishedAt).FirstOrDefaultAsync(ct) is { } existing)
            throw ValidationException.For(new Dictionary<string, string>
            {
                [nameof(form.Title)] = $"{source.Name} kaynağından aynı başlıklı bir kupür arşivde zaten var ({IstanbulTime.Format(existing)}).",
            });
        db.PressClippings.Add(clipping);
        foreach (var file in form.Scans)
            db.PressScans.Add(Scan(clipping, file, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ValidationException("Bu kupür (aynı adres ya da aynı kaynaktan aynı başlık) az önce arşive eklendi.");
        }
        changes.Publish(ChangeTopic.Press);
        return clipping.Id;
    }

    /// <summary>Adds scanned pages to a clipping (a print clipping's scan may arrive after it was typed in).</summary>
    public async Task AddScansAsync(int clippingId, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        DemandEdit();
        if (ScanError(files) is { } error) throw new ValidationException(error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clipping = await db.PressClippings.SingleOrDefaultAsync(c => c.Id == clippingId, ct) ?? throw new ValidationException("Kupür bulunamadı.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in files) db.PressScans.Add(Scan(clipping, file, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a clipping that matched by mistake; the audit log keeps what it was.</summary>
    public async Task DeleteAsync(int clippingId, Guid version, CancellationToken ct = default)
    {
        DemandEdit();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clipping = await db.PressClippings.SingleOrDefaultAsync(c => c.Id == clippingId, ct);
        if (clipping is null) return;
        if (clipping.Version != version) throw await ConflictAsync(clippingId, ct);
        db.Entry(clipping).Property(c => c.Version).OriginalValue = version;
        db.PressClippings.Remove(clipping);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(clippingId, ct);
        }
        changes.Publish(ChangeTopic.Press);
    }

    private PressScan Scan(PressClipping clipping, UploadedFile file, DateTime now) => new()
    {
        Clipping = clipping,
        FileName = Path.GetFileName(file.FileName),
        ContentType = AttachmentRules.KindOf(file.Content)!,
        Size = file.Content.Length,
        Content = file.Content,
        UploadedAt = now,
        UploadedBy = User.Name,
    };

    /// <summary>Scans follow the request attachments' rules: image or PDF by their bytes, size-limited, a few per clipping.</summary>
    public static string? ScanError(IReadOnlyList<UploadedFile> files) =>
        files.Count > AttachmentRules.MaxFiles
            ? $"En fazla {AttachmentRules.MaxFiles} tarama eklenebilir."
            : files.Select(AttachmentRules.Check).FirstOrDefault(m => m is not null);

    public static Dictionary<string, string> Validate(ManualClippingForm f)
    {
        var errors = new Dictionary<string, string>();
        if (f.Kind == ClippingKind.Internet) errors[nameof(f.Kind)] = "Elle yalnızca basılı, televizyon ve radyo kupürü eklenir; internet haberleri akışlardan gelir.";
        if (f.SourceId is null) errors[nameof(f.SourceId)] = "Gazete, kanal veya kaynağı seçin.";
        if (f.PublishedLocal is null) errors[nameof(f.PublishedLocal)] = "Yayın tarihini girin.";
        if (string.IsNullOrWhiteSpace(f.Title) || f.Title.Trim().Length < 5) errors[nameof(f.Title)] = "Başlığı (manşet) en az 5 karakter olarak yazın.";
        else if (f.Title.Length > 500) errors[nameof(f.Title)] = "Başlık en fazla 500 karakter olabilir.";
        if (f.Text is { Length: > 50_000 }) errors[nameof(f.Text)] = "Metin en fazla 50.000 karakter olabilir.";
        if (f.Importance is < 0 or > 5) errors[nameof(f.Importance)] = "Önem 1 ile 5 arasında olmalı.";
        if (!string.IsNullOrWhiteSpace(f.Url) && ClippingKeys.NormalizeUrl(f.Url) is null) errors[nameof(f.Url)] = "Adres http:// veya https:// ile başlamalı.";
        if (f.Page is { Length: > 40 }) errors[nameof(f.Page)] = "Sayfa en fazla 40 karakter olabilir.";
        if (f.Columnist is { Length: > 160 }) errors[nameof(f.Columnist)] = "Yazar adı en fazla 160 karakter olabilir.";
        if (f.Program is { Length: > 160 }) errors[nameof(f.Program)] = "Program adı en fazla 160 karakter olabilir.";
        if (ScanError(f.Scans) is { } scanError) errors[nameof(f.Scans)] = scanError;
        return errors;
    }

    private static async Task CheckDirectoratesAsync(IntranetDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var distinct = ids.Distinct().ToList();
        if (await db.Directorates.CountAsync(d => distinct.Contains(d.Id), ct) != distinct.Count)
            throw new ValidationException("Seçilen müdürlüklerden biri bulunamadı.");
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(int clippingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = clippingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(PressClipping) && a.EntityId == key)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var now = await db.PressClippings.AsNoTracking().Where(c => c.Id == clippingId)
            .Select(c => new { c.Tone, c.Topic, c.Importance, c.NeedsAnswer }).SingleOrDefaultAsync(ct);
        var who = last is null ? "başka bir kullanıcı" : $"{last.UserName} ({IstanbulTime.Format(last.At)})";
        return new ConcurrencyConflictException(
            $"Bu kupür siz çalışırken {who} tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi, gerekirse tekrar uygulayın.",
            now is null ? "Kupür silinmiş." : $"Ton: {now.Tone.Name()}, Konu: {now.Topic ?? "—"}, Önem: {PressText.ImportanceName(now.Importance)}, Cevap/tekzip: {(now.NeedsAnswer ? "gerekli" : "gerekmiyor")}");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
