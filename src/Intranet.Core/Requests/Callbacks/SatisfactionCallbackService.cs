using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Callbacks;

/// <summary>What the desk records after calling (or hearing back by SMS).</summary>
public sealed class CallbackRecord
{
    public CallbackMethod Method { get; set; } = CallbackMethod.Telefon;
    /// <summary>False: nobody answered; the callback stays in the queue until the attempts run out.</summary>
    public bool Reached { get; set; } = true;
    public bool? Solved { get; set; }
    public int? Score { get; set; }
    public string? CitizenWords { get; set; }
}

/// <summary>A line of the desk's callback queue.</summary>
public sealed record CallbackRow(int Id, Guid Version, int RequestId, string Number, string Category, string Neighbourhood, string? Directorate,
    string Citizen, string Phone, DateTime? AnsweredAt, ReplyChannel? ReplyChannel, DateTime SampledAt, CallbackStatus Status, int Attempts,
    DateTime? LastAttemptAt, DateTime? SmsAskedAt, bool? Solved, int? Score, string? CitizenWords);

/// <summary>A request's callbacks as its detail page shows them.</summary>
public sealed record CallbackSummary(DateTime SampledAt, CallbackStatus Status, int Attempts, CallbackMethod? Method, bool? Solved, int? Score,
    string? CitizenWords, DateTime? CompletedAt, string? CompletedBy);

/// <summary>
/// The satisfaction callback desk: the queue, the outcome of each call, the question by SMS. Only the screening desk
/// and Admin call citizens back (they are the ones who may see a citizen's number). "Not solved" reopens the request
/// (back to its directorate) with the citizen's words in its history, in the same save as the callback.
/// </summary>
public sealed class SatisfactionCallbackService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    RequestService requests,
    RequestMessageOutbox outbox,
    IChangeFeed changes,
    TimeProvider clock)
{
    public const int MaxAttempts = 3;

    private UserContext User => currentUser.User;

    public bool IsDesk => User.IsSystem || (Policies.Allows(Policies.Requests, User) && (User.IsScreeningDesk || User.IsInRole(Roles.Admin)));

    public async Task<IReadOnlyList<CallbackRow>> QueueAsync(bool waitingOnly, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
        var query = db.SatisfactionCallbacks.AsNoTracking().Where(c => visible.Contains(c.RequestId));
        query = waitingOnly ? query.Where(c => c.Status == CallbackStatus.Bekliyor).OrderBy(c => c.SampledAt)
            : query.OrderByDescending(c => c.SampledAt);
        var rows = await query.Take(500).Select(c => new
        {
            c.Id, c.Version, c.RequestId, c.Request!.Number, Category = c.Request.Category!.Name, Neighbourhood = c.Request.Neighbourhood!.Name,
            Directorate = c.Request.Directorate != null ? c.Request.Directorate.Name : null,
            Citizen = c.Request.Citizen != null ? c.Request.Citizen.FullName : null, Phone = c.Request.Citizen != null ? c.Request.Citizen.Phone : null,
            c.Request.AnsweredAt, c.Request.ReplyChannel, c.SampledAt, c.Status, c.Attempts, c.LastAttemptAt, c.SmsAskedAt, c.Solved, c.Score, c.CitizenWords,
        }).ToListAsync(ct);
        // Masked like every list; the desk opens the number itself through the logged reveal before calling.
        return rows.Select(r => new CallbackRow(r.Id, r.Version, r.RequestId, r.Number, r.Category, r.Neighbourhood, r.Directorate,
            PersonalData.MaskName(r.Citizen), PhoneNumber.Mask(r.Phone), r.AnsweredAt, r.ReplyChannel, r.SampledAt, r.Status, r.Attempts,
            r.LastAttemptAt, r.SmsAskedAt, r.Solved, r.Score, r.CitizenWords)).ToList();
    }

    /// <summary>The callbacks of a request the user may see (for its detail page), newest first.</summary>
    public async Task<IReadOnlyList<CallbackSummary>> ForRequestAsync(int requestId, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
        return await db.SatisfactionCallbacks.AsNoTracking().Where(c => c.RequestId == requestId && visible.Contains(c.RequestId))
            .OrderByDescending(c => c.SampledAt)
            .Select(c => new CallbackSummary(c.SampledAt, c.Status, c.Attempts, c.Method, c.Solved, c.Score, c.CitizenWords, c.CompletedAt, c.CompletedBy))
            .ToListAsync(ct);
    }

    /// <summary>Records one call. Returns the callback's new version and whether the request was reopened.</summary>
    public async Task<(Guid Version, bool Reopened)> RecordAsync(int id, Guid version, CallbackRecord record, CancellationToken ct = default)
    {
        Demand();
        Validate(record);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
        var callback = await db.SatisfactionCallbacks.Include(c => c.Request)
            .SingleOrDefaultAsync(c => c.Id == id && visible.Contains(c.RequestId), ct)
            ?? throw new AccessDeniedException("Geri arama kaydı bulunamadı ya da görme yetkiniz yok.");
        if (callback.Version != version) throw Conflict();
        if (callback.Status != CallbackStatus.Bekliyor) throw new ValidationException($"Bu geri arama zaten \"{callback.Status.Name()}\".");
        db.Entry(callback).Property(c => c.Version).OriginalValue = version;
        var now = clock.GetUtcNow().UtcDateTime;
        callback.Attempts++;
        callback.LastAttemptAt = now;
        var reopened = false;
        if (!record.Reached)
        {
            if (callback.Attempts >= MaxAttempts) Complete(callback, CallbackStatus.Ulasilamadi, now);
        }
        else
        {
            callback.Method = record.Method;
            callback.Solved = record.Solved;
            callback.Score = record.Score;
            callback.CitizenWords = string.IsNullOrWhiteSpace(record.CitizenWords) ? null : record.CitizenWords.Trim();
            Complete(callback, CallbackStatus.Tamamlandi, now);
            if (record.Solved == false) reopened = Reopen(db, callback, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
        changes.Publish(ChangeTopic.Requests);
        return (callback.Version, reopened);
    }

    /// <summary>Asks the question by SMS through the outbox; the desk records the answer when it comes. Returns the new version.</summary>
    public async Task<(Guid Version, MessageStatus Sms)> AskBySmsAsync(int id, Guid version, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
        var callback = await db.SatisfactionCallbacks.Include(c => c.Request).ThenInclude(r => r!.Citizen)
            .SingleOrDefaultAsync(c => c.Id == id && visible.Contains(c.RequestId), ct)
            ?? throw new AccessDeniedException("Geri arama kaydı bulunamadı ya da görme yetkiniz yok.");
        if (callback.Version != version) throw Conflict();
        if (callback.Status != CallbackStatus.Bekliyor) throw new ValidationException($"Bu geri arama zaten \"{callback.Status.Name()}\".");
        if (callback.SmsAskedAt is not null) throw new ValidationException("Soru bu başvuru sahibine zaten SMS ile gönderildi.");
        if (PhoneNumber.Normalize(callback.Request!.Citizen?.Phone) is not { } phone || !phone.StartsWith("05", StringComparison.Ordinal))
            throw new ValidationException("Başvuru sahibinin cep telefonu yok; telefonla arayın.");
        db.Entry(callback).Property(c => c.Version).OriginalValue = version;
        var now = clock.GetUtcNow().UtcDateTime;
        callback.SmsAskedAt = now;
        var message = new RequestMessage
        {
            RequestId = callback.RequestId, CallbackId = callback.Id, Purpose = MessagePurpose.MemnuniyetSorusu, Channel = MessageChannel.Sms,
            Recipient = phone, Body = $"Kağıthane Belediyesi: {callback.Request.Number} numaralı başvurunuz çözüldü mü? EVET veya HAYIR ve 1-5 arası " +
                                      "memnuniyet puanınızla yanıtlayın (örnek: EVET 5).",
            CreatedAt = now, CreatedBy = User.Name, NextAttemptAt = now,
        };
        db.RequestMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
        await outbox.DeliverAsync([message.Id], ct);
        return (callback.Version, await RequestMessageOutbox.Statuses(db.RequestMessages.AsNoTracking().Where(m => m.Id == message.Id)).SingleAsync(ct));
    }

    internal static void Validate(CallbackRecord r)
    {
        if (!r.Reached) return;
        var errors = new Dictionary<string, string>();
        if (r.Solved is null) errors[nameof(r.Solved)] = "Vatandaş sorunun çözüldüğünü söyledi mi? Evet ya da hayır seçin.";
        if (r.Score is not (>= 1 and <= 5)) errors[nameof(r.Score)] = "Memnuniyet puanını 1 ile 5 arasında seçin.";
        if (r.Solved == false && string.IsNullOrWhiteSpace(r.CitizenWords))
            errors[nameof(r.CitizenWords)] = "Sorun çözülmediyse vatandaşın söylediğini yazın; başvurunun tarihçesine geçer.";
        if (r.CitizenWords is { Length: > 2000 }) errors[nameof(r.CitizenWords)] = "En fazla 2000 karakter yazılabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);
    }

    /// <summary>Back to its directorate, when it is still answered or closed; a request already reopened is left as it is.</summary>
    private bool Reopen(IntranetDbContext db, SatisfactionCallback callback, DateTime now)
    {
        var request = callback.Request!;
        if (!RequestPermissions.IsStepAllowed(request.Status, RequestAction.Reopen, RequestStatus.HavaleEdildi)
            || request.Status is not (RequestStatus.Cevaplandi or RequestStatus.Kapandi)) return false;
        if (!RequestPermissions.Can(User, RequestAction.Reopen, request)) throw new AccessDeniedException("Başvuruyu yeniden açma yetkiniz yok.");
        var from = request.Status;
        RequestService.MarkReopened(request, now);
        request.Status = RequestStatus.HavaleEdildi;
        request.UpdatedAt = now;
        db.RequestHistory.Add(requests.History(request, from, RequestStatus.HavaleEdildi,
            $"Memnuniyet araması ({callback.Method!.Value.Name()}): vatandaş sorunun çözülmediğini söyledi: “{callback.CitizenWords}” " +
            $"(memnuniyet {callback.Score}/5). Başvuru yeniden açıldı."));
        return true;
    }

    private void Complete(SatisfactionCallback callback, CallbackStatus status, DateTime now)
    {
        callback.Status = status;
        callback.CompletedAt = now;
        callback.CompletedBy = User.Name;
    }

    private static ConcurrencyConflictException Conflict() => new(
        "Bu geri arama siz çalışırken başka bir kullanıcı tarafından kaydedildi; kaydınız yapılmadı. Liste yenilendi.", null);

    private void Demand()
    {
        if (!IsDesk) throw new AccessDeniedException("Memnuniyet aramalarını masa personeli (Halkla İlişkiler) yapar.");
    }
}
