using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>A 4982 application's legal path as the detail page shows it. <see cref="Version"/> is null before anything was recorded.</summary>
public sealed record LegalView(
    int RequestId,
    Guid? Version,
    IReadOnlyList<string> Articles,
    string? RefusalText,
    bool ExcludedOpinionRequest,
    DateOnly? RefusedOn,
    DateOnly? ObjectionOn,
    DateOnly? BoardDecisionOn,
    BoardOutcome? BoardOutcome,
    string? BoardNote,
    bool CanEdit,
    bool CanRecordObjection)
{
    /// <summary>The last day the applicant could object (md. 13: 15 days from the refusal).</summary>
    public DateOnly? ObjectionDeadline => RefusedOn?.AddDays(Law4982.ObjectionDays);
}

public sealed record LegalGrounds(int RequestId, Guid? Version, IReadOnlyList<string> Articles, string? Text, bool ExcludedOpinionRequest);

public sealed record BoardObjection(int RequestId, Guid Version, DateOnly ObjectionOn, DateOnly? BoardDecisionOn, BoardOutcome? Outcome, string? Note);

/// <summary>
/// Law 4982 legal paths: the refusal's legal ground, the md. 27 exclusion flag and the objection to the review board.
/// Only for bilgi edinme applications; recorded by who may close the request (the desk or its directorate's director).
/// </summary>
public sealed class LegalPathService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public const string GroundRequired =
        "Bilgi edinme başvurusu yasal gerekçesi olmadan reddedilemez: önce \"4982 yasal süreç\" bölümünden ret gerekçesini (kanun maddesi) kaydedin.";

    private UserContext User => currentUser.User;

    /// <summary>The Reject step of a 4982 application asks this: without a recorded ground the refusal is refused.</summary>
    internal static Task<bool> HasRefusalGroundAsync(IntranetDbContext db, int requestId, CancellationToken ct) =>
        db.Set<LegalRecord>().AnyAsync(l => l.RequestId == requestId && (l.RefusalArticles != "" || l.ExcludedOpinionRequest), ct);

    public async Task<LegalView?> GetAsync(int requestId, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not { Type: RequestType.BilgiEdinme }) return null;
        var record = await db.Set<LegalRecord>().AsNoTracking().SingleOrDefaultAsync(l => l.RequestId == requestId, ct);
        var refusedAt = await RefusedAtAsync(db, requestId, ct);
        var canEdit = RequestPermissions.Can(User, RequestAction.Close, request);
        return new LegalView(requestId, record?.Version, record?.Articles() ?? [], record?.RefusalText, record?.ExcludedOpinionRequest ?? false,
            refusedAt is { } at ? IstanbulTime.Today(at) : null, record?.ObjectionOn, record?.BoardDecisionOn, record?.BoardOutcome, record?.BoardNote,
            canEdit, canEdit && refusedAt is not null && record?.HasRefusalGround == true);
    }

    public async Task<Guid> SaveGroundsAsync(LegalGrounds input, CancellationToken ct = default)
    {
        var articles = input.Articles.Select(a => a.Trim()).Distinct().ToList();
        if (articles.FirstOrDefault(a => Law4982.Grounds.All(g => g.Article != a)) is { } unknown)
            throw new ValidationException($"4982 sayılı Kanunda ret gerekçesi olarak \"{unknown}\" maddesi yok.");
        if (articles.Count > 0 && string.IsNullOrWhiteSpace(input.Text))
            throw new ValidationException("Ret kararının gerekçesini yazın (4982 md. 12: gerekçe ve itiraz yolu başvurana bildirilir).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (request, record) = await LoadForEditAsync(db, input.RequestId, input.Version, ct);
        articles = articles.OrderBy(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        record.RefusalArticles = string.Join(',', articles);
        record.RefusalText = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        record.ExcludedOpinionRequest = input.ExcludedOpinionRequest;
        var grounds = articles.Count == 0 ? "madde seçilmedi" : string.Join(", ", articles.Select(a => $"md. {a}"));
        AddHistory(db, request, $"4982 ret gerekçesi kaydedildi: {grounds}{(input.ExcludedOpinionRequest ? "; kapsam dışı görüş/mütalaa talebi (md. 27)" : "")}.");
        return await SaveAsync(db, record, ct);
    }

    public async Task<Guid> SaveObjectionAsync(BoardObjection input, CancellationToken ct = default)
    {
        var today = IstanbulTime.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (request, record) = await LoadForEditAsync(db, input.RequestId, input.Version, ct);
        var refusedAt = await RefusedAtAsync(db, request.Id, ct);
        if (refusedAt is null || !record.HasRefusalGround)
            throw new ValidationException("Kurula itiraz yalnızca gerekçesiyle reddedilmiş bir bilgi edinme başvurusu için kaydedilir.");
        var refusedOn = IstanbulTime.Today(refusedAt.Value);
        if (input.ObjectionOn < refusedOn) throw new ValidationException($"İtiraz tarihi ret tarihinden ({refusedOn:dd.MM.yyyy}) önce olamaz.");
        if (input.ObjectionOn > today) throw new ValidationException("İtiraz tarihi ileri bir tarih olamaz.");
        if (input.BoardDecisionOn is { } decided)
        {
            if (decided < input.ObjectionOn) throw new ValidationException("Kurul karar tarihi itiraz tarihinden önce olamaz.");
            if (decided > today) throw new ValidationException("Kurul karar tarihi ileri bir tarih olamaz.");
            if (input.Outcome is null) throw new ValidationException("Kurulun kararını (sonucu) seçin.");
        }
        else if (input.Outcome is not null) throw new ValidationException("Kurul kararının tarihini girin.");

        var isNewObjection = record.ObjectionOn is null;
        var isNewDecision = record.BoardDecisionOn is null && input.BoardDecisionOn is not null;
        record.ObjectionOn = input.ObjectionOn;
        record.BoardDecisionOn = input.BoardDecisionOn;
        record.BoardOutcome = input.Outcome;
        record.BoardNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (isNewObjection) AddHistory(db, request, $"Başvuran Bilgi Edinme Değerlendirme Kuruluna itiraz etti ({input.ObjectionOn:dd.MM.yyyy}).");
        if (isNewDecision) AddHistory(db, request, $"Kurul kararı ({input.BoardDecisionOn:dd.MM.yyyy}): {input.Outcome!.Value.Name()}.");
        return await SaveAsync(db, record, ct);
    }

    private async Task<(Request Request, LegalRecord Record)> LoadForEditAsync(IntranetDbContext db, int requestId, Guid? version, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new AccessDeniedException("Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.");
        if (!RequestPermissions.Can(User, RequestAction.Close, request))
            throw new AccessDeniedException("4982 yasal sürecini yalnızca Halkla İlişkiler masası veya başvurunun müdürü kaydedebilir.");
        if (request.Type != RequestType.BilgiEdinme) throw new ValidationException("Bu başvuru bir bilgi edinme (4982) başvurusu değil.");
        var record = await db.Set<LegalRecord>().SingleOrDefaultAsync(l => l.RequestId == requestId, ct);
        if (record is null)
        {
            if (version is not null && version != Guid.Empty) throw Conflict();
            record = new LegalRecord { RequestId = requestId };
            db.Add(record);
        }
        else
        {
            if (version != record.Version) throw Conflict();
            db.Entry(record).Property(l => l.Version).OriginalValue = version.Value;
        }
        return (request, record);
    }

    private async Task<Guid> SaveAsync(IntranetDbContext db, LegalRecord record, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent first save (unique RequestId) or a stale version.
            throw Conflict();
        }
        changes.Publish(ChangeTopic.Requests);
        return record.Version;
    }

    private void AddHistory(IntranetDbContext db, Request request, string note) => db.RequestHistory.Add(new RequestHistory
    {
        RequestId = request.Id, At = clock.GetUtcNow().UtcDateTime, UserId = User.UserId, UserName = User.Name,
        FromStatus = request.Status, ToStatus = request.Status, DirectorateId = request.DirectorateId, AssigneeId = request.AssigneeId, Note = note,
    });

    /// <summary>When it was refused: the step into "Uygun Değil", if that is where the request stands (or closed from).</summary>
    private static async Task<DateTime?> RefusedAtAsync(IntranetDbContext db, int requestId, CancellationToken ct)
    {
        var status = await db.Requests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync(ct);
        if (status is not (RequestStatus.UygunDegil or RequestStatus.Kapandi)) return null;
        // The last change of status other than closing: a request reopened and answered after a refusal is no longer refused.
        var last = await db.RequestHistory
            .Where(h => h.RequestId == requestId && h.ToStatus != RequestStatus.Kapandi && (h.FromStatus == null || h.FromStatus != h.ToStatus))
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => new { h.ToStatus, h.At }).FirstOrDefaultAsync(ct);
        return last is { ToStatus: RequestStatus.UygunDegil } ? last.At : null;
    }

    private static ConcurrencyConflictException Conflict() =>
        new("4982 kaydı siz çalışırken başka bir kullanıcı tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi, gerekirse tekrar uygulayın.");
}
