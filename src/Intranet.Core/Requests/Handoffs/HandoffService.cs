using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Handoffs;

/// <summary>What the forward dialog collects. Mutable: the dialog binds to it and keeps it through a refused save.</summary>
public sealed class ForwardForm
{
    public int? OutsideBodyId { get; set; }
    public LetterDelivery Delivery { get; set; } = LetterDelivery.EPosta;
    public string? LetterText { get; set; }
    public CitizenNotice CitizenNotice { get; set; } = CitizenNotice.Sms;
    public string? CitizenText { get; set; }
    public DateOnly? FollowUpOn { get; set; }
}

public sealed record ForwardResult(Guid Version, int HandoffId, IReadOnlyList<MessageStatus> Messages);

/// <summary>
/// Forwarding a request to an outside body, and the desk's follow-up with that body. The status change, the hand-off
/// record and the outbox rows (letter to the body, notice to the citizen) are one transaction against the version
/// the user saw; the messages are then delivered at once and, if that fails, retried by the outbox sweep.
/// </summary>
public sealed class HandoffService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    RequestService requests,
    RequestMessageOutbox outbox,
    IChangeFeed changes,
    TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<ForwardResult> ForwardAsync(int requestId, Guid version, ForwardForm form, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        var now = clock.GetUtcNow().UtcDateTime;
        Validate(form, IstanbulTime.Today(now));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.VisibleTo(User).Include(r => r.Citizen).Include(r => r.Category).Include(r => r.Neighbourhood)
            .SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new AccessDeniedException("Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.");
        if (!RequestPermissions.Can(User, RequestAction.ForwardOutside, request))
            throw new AccessDeniedException("Dış kuruma yönlendirme yetkiniz yok; masa personeli veya müdürlüğün müdürü yönlendirir.");
        var from = request.Status;
        if (!RequestPermissions.IsStepAllowed(from, RequestAction.ForwardOutside, RequestStatus.DisKurumaYonlendirildi))
            throw new ValidationException($"Bu başvuru \"{from.Name()}\" durumunda; yalnızca çözülmemiş bir başvuru dış kuruma yönlendirilebilir.");
        if (request.Version != version) throw await requests.ConflictAsync(requestId, ct);

        var body = await db.OutsideBodies.SingleOrDefaultAsync(b => b.Id == form.OutsideBodyId && b.IsActive, ct)
            ?? throw new ValidationException("Seçilen kurum bulunamadı veya artık kullanılmıyor.");
        if (form.Delivery == LetterDelivery.EPosta && !EmailAddress.IsValid(body.Email))
            throw new ValidationException($"{body.Name} için kayıtlı e-posta adresi yok; \"Resmî yazı\" seçin ya da kurum kaydına e-posta ekleyin.");
        var citizen = request.Citizen is { AnonymizedAt: null } c ? c : null;
        var citizenRecipient = CitizenRecipient(form.CitizenNotice, citizen);

        var handoff = new RequestHandoff
        {
            RequestId = request.Id, OutsideBodyId = body.Id, Delivery = form.Delivery,
            LetterSubject = HandoffLetter.Subject(request.Number), LetterText = form.LetterText!.Trim(),
            CitizenNotice = form.CitizenNotice, CitizenText = form.CitizenText?.Trim(),
            ForwardedAt = now, ForwardedById = User.UserId, ForwardedBy = User.Name, FollowUpOn = form.FollowUpOn,
        };
        db.RequestHandoffs.Add(handoff);
        request.Status = RequestStatus.DisKurumaYonlendirildi;
        request.UpdatedAt = now;
        db.RequestHistory.Add(requests.History(request, from, request.Status, HistoryNote(body, form)));

        var messages = new List<RequestMessage>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await requests.ConflictAsync(requestId, ct);
        }
        if (form.Delivery == LetterDelivery.EPosta)
        {
            var applicant = citizen is null ? "Anonim başvuru"
                : string.Join(", ", new[] { citizen.FullName, citizen.Phone, citizen.Email }.Where(x => !string.IsNullOrWhiteSpace(x)));
            messages.Add(Message(request, handoff, MessagePurpose.KurumaYazi, MessageChannel.EPosta, body.Email!.Trim(), handoff.LetterSubject,
                HandoffLetter.Compose(request.Number, body, handoff.LetterText, applicant, User.Name, now), now));
        }
        if (citizenRecipient is { } to)
            messages.Add(Message(request, handoff, MessagePurpose.VatandasaBilgi, to.Channel, to.Address,
                $"{request.Number} numaralı başvurunuz hakkında", handoff.CitizenText!, now));
        db.RequestMessages.AddRange(messages);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        changes.Publish(ChangeTopic.Requests);

        // Sent now so the person forwarding sees the result; a failure stays in the outbox for the retry sweep.
        await outbox.DeliverAsync(messages.Select(m => m.Id).ToList(), ct);
        var statuses = await RequestMessageOutbox.Statuses(db.RequestMessages.AsNoTracking().Where(m => m.HandoffId == handoff.Id)).ToListAsync(ct);
        return new ForwardResult(request.Version, handoff.Id, statuses);
    }

    /// <summary>The desk asked the body where the matter stands: what it said, and optionally when to ask again.</summary>
    public async Task<Guid> RecordFollowUpAsync(int handoffId, Guid version, string? response, DateOnly? nextFollowUpOn, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(response)) throw new ValidationException("Kurumdan alınan bilgiyi yazın.");
        if (response.Length > 4000) throw new ValidationException("Kurumun cevabı en fazla 4000 karakter olabilir.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (nextFollowUpOn is { } next && next <= IstanbulTime.Today(now)) throw new ValidationException("Yeni takip tarihi bugünden sonra olmalı.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
        var handoff = await db.RequestHandoffs.Include(h => h.Request).Include(h => h.OutsideBody)
            .SingleOrDefaultAsync(h => h.Id == handoffId && visible.Contains(h.RequestId), ct)
            ?? throw new AccessDeniedException("Yönlendirme bulunamadı ya da görme yetkiniz yok.");
        if (!RequestPermissions.Can(User, RequestAction.ForwardOutside, handoff.Request!))
            throw new AccessDeniedException("Kurum takibini masa personeli veya müdürlüğün müdürü kaydeder.");
        if (handoff.Request!.Status != RequestStatus.DisKurumaYonlendirildi)
            throw new ValidationException("Başvuru kurumdan geri döndü; bu yönlendirmenin takibi kapandı.");
        db.Entry(handoff).Property(h => h.Version).OriginalValue = version;

        var stamp = IstanbulTime.Format(now);
        handoff.BodyResponse = string.IsNullOrWhiteSpace(handoff.BodyResponse)
            ? $"{stamp}: {response.Trim()}" : $"{handoff.BodyResponse}\n{stamp}: {response.Trim()}";
        if (handoff.BodyResponse.Length > 4000) handoff.BodyResponse = handoff.BodyResponse[^4000..];
        handoff.FollowUpOn = nextFollowUpOn ?? handoff.FollowUpOn;
        handoff.FollowUpDoneAt = nextFollowUpOn is null ? now : null;
        var r = handoff.Request!;
        db.RequestHistory.Add(requests.History(r, r.Status, r.Status,
            $"{handoff.OutsideBody!.Name} takibi: {response.Trim()}" + (nextFollowUpOn is { } n ? $" Sonraki takip: {n:dd.MM.yyyy}." : "")));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Bu yönlendirme siz çalışırken başka bir kullanıcı tarafından güncellendi; kaydınız yapılmadı. Güncel hâli yüklendi.",
                "Sayfayı yenileyip tekrar deneyin.");
        }
        changes.Publish(ChangeTopic.Requests);
        return handoff.Version;
    }

    /// <summary>Tries a message of a hand-off of a visible request again now.</summary>
    public async Task RetryMessageAsync(long messageId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var visible = db.Requests.VisibleTo(User).Select(r => r.Id);
            var message = await db.RequestMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId && visible.Contains(m.RequestId), ct)
                ?? throw new AccessDeniedException("İleti bulunamadı ya da görme yetkiniz yok.");
            var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == message.RequestId, ct);
            if (!RequestPermissions.Can(User, RequestAction.ForwardOutside, request))
                throw new AccessDeniedException("İletiyi yeniden gönderme yetkiniz yok.");
            if (request.Status != RequestStatus.DisKurumaYonlendirildi)
                throw new ValidationException("Başvuru kurumdan geri döndü; ileti artık gönderilmez.");
        }
        await outbox.RetryAsync(messageId, ct);
    }

    internal static void Validate(ForwardForm f, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (f.OutsideBodyId is null) errors[nameof(f.OutsideBodyId)] = "Başvurunun iletileceği kurumu seçin.";
        if (string.IsNullOrWhiteSpace(f.LetterText) || f.LetterText.Trim().Length < 20)
            errors[nameof(f.LetterText)] = "Yazının metnini en az 20 karakter olarak yazın.";
        else if (f.LetterText.Length > 6000) errors[nameof(f.LetterText)] = "Yazının metni en fazla 6000 karakter olabilir.";
        if (f.CitizenNotice is CitizenNotice.Sms or CitizenNotice.EPosta)
        {
            if (string.IsNullOrWhiteSpace(f.CitizenText)) errors[nameof(f.CitizenText)] = "Vatandaşa gidecek bilgilendirme metnini yazın.";
            else if (f.CitizenText.Length > 1000) errors[nameof(f.CitizenText)] = "Bilgilendirme metni en fazla 1000 karakter olabilir.";
        }
        if (f.FollowUpOn is { } on && (on <= today || on > today.AddYears(1)))
            errors[nameof(f.FollowUpOn)] = "Takip tarihi yarından itibaren en fazla bir yıl sonrası olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);
    }

    private static (MessageChannel Channel, string Address)? CitizenRecipient(CitizenNotice notice, Citizens.Citizen? citizen)
    {
        if (citizen is null)
            return notice == CitizenNotice.Yok ? null
                : throw new ValidationException("Başvurunun kayıtlı bir sahibi yok; vatandaşa bildirim için \"Bildirilmedi (anonim başvuru)\" seçin.");
        switch (notice)
        {
            case CitizenNotice.Sms:
                // Only mobile numbers (05xx) receive SMS; a landline would fail at the operator.
                return PhoneNumber.Normalize(citizen.Phone) is { } phone && phone.StartsWith("05", StringComparison.Ordinal)
                    ? (MessageChannel.Sms, phone)
                    : throw new ValidationException("Başvuru sahibinin kayıtlı cep telefonu yok; e-posta ya da telefonla bildirim seçin.");
            case CitizenNotice.EPosta:
                return EmailAddress.IsValid(citizen.Email) ? (MessageChannel.EPosta, citizen.Email!.Trim())
                    : throw new ValidationException("Başvuru sahibinin geçerli bir e-posta adresi yok; SMS ya da telefonla bildirim seçin.");
            case CitizenNotice.Telefon:
                return null;
            default:
                throw new ValidationException("Başvuru sahibine yeni muhatabını bildirin (SMS, e-posta ya da telefon).");
        }
    }

    private RequestMessage Message(Request request, RequestHandoff handoff, MessagePurpose purpose, MessageChannel channel, string to,
        string subject, string body, DateTime now) => new()
    {
        RequestId = request.Id, HandoffId = handoff.Id, Purpose = purpose, Channel = channel, Recipient = to, Subject = subject,
        Body = body, CreatedAt = now, CreatedBy = User.Name, NextAttemptAt = now,
    };

    private static string HistoryNote(OutsideBody body, ForwardForm form) =>
        $"{body.Name} kurumuna yönlendirildi ({form.Delivery.Name()}). Vatandaşa bildirim: {form.CitizenNotice.Name()}." +
        (form.FollowUpOn is { } on ? $" Takip tarihi: {on:dd.MM.yyyy}." : "");
}
