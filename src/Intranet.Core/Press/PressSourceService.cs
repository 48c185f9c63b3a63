using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>A source with its health, as the sources page lists it.</summary>
public sealed record SourceRow(
    int Id, string Name, PressSourceKind Kind, string? FeedUrl, int PollMinutes, bool Enabled, DateTime? LastPolledAt, DateTime? LastSuccessAt,
    string? LastError, DateTime? LastErrorAt, string? LastWarning, int ItemsFound, int LastNewClippings, int ConsecutiveFailures,
    DateTime? NextPollAt, bool Polling, int Clippings, Guid Version);

/// <summary>A source as its edit form holds it; <see cref="Id"/> 0 is a new one.</summary>
public sealed class SourceForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Name { get; set; }
    public PressSourceKind Kind { get; set; } = PressSourceKind.WebSitesi;
    public string? FeedUrl { get; set; }
    public int PollMinutes { get; set; } = 15;
    public bool Enabled { get; set; } = true;
}

public sealed record RuleRow(int Id, string Name, string Terms, string? ExcludeTerms, int? DirectorateId, string? Directorate, bool Enabled, Guid Version);

public sealed class RuleForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Name { get; set; }
    public string? Terms { get; set; }
    public string? ExcludeTerms { get; set; }
    public int? DirectorateId { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>Sources (with "poll now") and keyword rules: managed by the press office and Admin, read by the mayor's office.</summary>
public sealed class PressSourceService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, PressPoller poller, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    private void DemandRead()
    {
        if (!Organization.Policies.Allows(Organization.Policies.Press, User)) throw new AccessDeniedException();
    }

    private void DemandEdit()
    {
        if (!PressPermissions.CanEdit(User)) throw new AccessDeniedException("Kaynakları ve kuralları yalnızca Basın Yayın ve sistem yöneticisi düzenleyebilir.");
    }

    public async Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct = default)
    {
        DemandRead();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PressSources.AsNoTracking()
            .Select(s => new SourceRow(s.Id, s.Name, s.Kind, s.FeedUrl, s.PollMinutes, s.Enabled, s.LastPolledAt, s.LastSuccessAt, s.LastError, s.LastErrorAt,
                s.LastWarning, s.ItemsFound, s.LastNewClippings, s.ConsecutiveFailures, s.NextPollAt, s.PollLeaseUntil != null && s.PollLeaseUntil > now,
                db.PressClippings.Count(c => c.SourceId == s.Id), s.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name, TurkishText.Comparer).ToList();
    }

    public async Task<int> SaveSourceAsync(SourceForm form, CancellationToken ct = default)
    {
        DemandEdit();
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(form.Name)] = "Kaynağın adını yazın.";
        else if (name.Length > 160) errors[nameof(form.Name)] = "Ad en fazla 160 karakter olabilir.";
        var url = string.IsNullOrWhiteSpace(form.FeedUrl) ? null : form.FeedUrl.Trim();
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 1000))
            errors[nameof(form.FeedUrl)] = "Akış adresi http:// veya https:// ile başlayan tam bir adres olmalı.";
        if (form.PollMinutes is < 5 or > 1440) errors[nameof(form.PollMinutes)] = "Tarama aralığı 5 ile 1440 dakika arasında olmalı.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PressSources.AnyAsync(s => s.Name == name && s.Id != form.Id, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.Name)] = "Bu adla bir kaynak zaten var." });
        PressSource source;
        if (form.Id == 0)
        {
            source = new PressSource { Name = name! };
            db.PressSources.Add(source);
        }
        else
        {
            source = await db.PressSources.SingleOrDefaultAsync(s => s.Id == form.Id, ct) ?? throw new ValidationException("Kaynak bulunamadı.");
            db.Entry(source).Property(s => s.Version).OriginalValue = form.Version;
            if (source.Version != form.Version) throw Conflict("kaynak");
        }
        var urlChanged = source.FeedUrl != url;
        source.Name = name!;
        source.Kind = form.Kind;
        source.FeedUrl = url;
        source.PollMinutes = form.PollMinutes;
        source.Enabled = form.Enabled;
        if (urlChanged)
        {
            // A new address is read in full at the next check, with a clean slate.
            source.ETag = null;
            source.LastModified = null;
            source.NextPollAt = null;
            source.ConsecutiveFailures = 0;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict("kaynak");
        }
        return source.Id;
    }

    /// <summary>Polls a source at once, as the background service would (and never beside a running poll of it).</summary>
    public Task<PollOutcome> PollNowAsync(int sourceId, CancellationToken ct = default)
    {
        DemandEdit();
        return poller.PollSourceAsync(sourceId, ct);
    }

    public async Task<IReadOnlyList<RuleRow>> RulesAsync(CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PressKeywordRules.AsNoTracking()
            .Select(r => new RuleRow(r.Id, r.Name, r.Terms, r.ExcludeTerms, r.DirectorateId,
                db.Directorates.Where(d => d.Id == r.DirectorateId).Select(d => d.Name).FirstOrDefault(), r.Enabled, r.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name, TurkishText.Comparer).ToList();
    }

    public async Task<int> SaveRuleAsync(RuleForm form, CancellationToken ct = default)
    {
        DemandEdit();
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(form.Name)] = "Kuralın adını yazın.";
        else if (name.Length > 120) errors[nameof(form.Name)] = "Ad en fazla 120 karakter olabilir.";
        if (KeywordMatcher.Phrases(form.Terms).Length == 0) errors[nameof(form.Terms)] = "En az bir anahtar kelime ya da ifade yazın (her satıra bir tane).";
        else if (form.Terms!.Length > 2000) errors[nameof(form.Terms)] = "Anahtar kelimeler en fazla 2000 karakter olabilir.";
        if (form.ExcludeTerms is { Length: > 2000 }) errors[nameof(form.ExcludeTerms)] = "Hariç tutulan kelimeler en fazla 2000 karakter olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PressKeywordRules.AnyAsync(r => r.Name == name && r.Id != form.Id, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.Name)] = "Bu adla bir kural zaten var." });
        if (form.DirectorateId is { } dir && !await db.Directorates.AnyAsync(d => d.Id == dir, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.DirectorateId)] = "Seçilen müdürlük bulunamadı." });
        PressKeywordRule rule;
        if (form.Id == 0)
        {
            rule = new PressKeywordRule { Name = name!, Terms = "" };
            db.PressKeywordRules.Add(rule);
        }
        else
        {
            rule = await db.PressKeywordRules.SingleOrDefaultAsync(r => r.Id == form.Id, ct) ?? throw new ValidationException("Kural bulunamadı.");
            db.Entry(rule).Property(r => r.Version).OriginalValue = form.Version;
            if (rule.Version != form.Version) throw Conflict("kural");
        }
        rule.Name = name!;
        rule.Terms = form.Terms!.Trim();
        rule.ExcludeTerms = string.IsNullOrWhiteSpace(form.ExcludeTerms) ? null : form.ExcludeTerms.Trim();
        rule.DirectorateId = form.DirectorateId;
        rule.Enabled = form.Enabled;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict("kural");
        }
        return rule.Id;
    }

    public async Task DeleteRuleAsync(int id, Guid version, CancellationToken ct = default)
    {
        DemandEdit();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.PressKeywordRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return;
        db.Entry(rule).Property(r => r.Version).OriginalValue = version;
        db.PressKeywordRules.Remove(rule);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict("kural");
        }
    }

    private static ConcurrencyConflictException Conflict(string what) =>
        new($"Bu {what} siz düzenlerken başka biri tarafından değiştirildi; değişikliğiniz kaydedilmedi. Liste yenilendi, gerekirse tekrar düzenleyin.");
}
