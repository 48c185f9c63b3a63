using System.Diagnostics;
using Intranet.Core.Calendar;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Requests;

/// <summary>The result of an intake: the id for links and the number the citizen is told.</summary>
public sealed record RequestCreated(int Id, string Number);

/// <summary>One workflow step as the user asked for it. <see cref="Version"/> is the request's version they saw.</summary>
public sealed record RequestStep(int RequestId, Guid Version, RequestAction Action, string? Note = null,
    int? DirectorateId = null, int? AssigneeId = null, ReplyChannel? ReplyChannel = null);

/// <summary>
/// The write side of requests: intake and every workflow step. Each call checks scope and role, checks the step
/// against <see cref="RequestWorkflow"/>, records a <see cref="RequestHistory"/> row, and saves against the version
/// the user saw, so a stale edit becomes a <see cref="ConcurrencyConflictException"/> instead of an overwrite.
/// </summary>
public sealed partial class RequestService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    WorkingCalendarProvider calendars,
    DeadlineOptions deadlineOptions,
    IChangeFeed changes,
    TimeProvider clock,
    CitizenReplySender? replies = null,
    Callbacks.SatisfactionOptions? satisfaction = null,
    ILogger<RequestService>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<RequestService>.Instance;

    private UserContext User => currentUser.User;

    /// <summary>
    /// Everything logged while a request is worked on (here, and by the senders it calls) carries its number, and so
    /// does the trace. Only the number: the texts and the citizen are personal data and stay out of the logs.
    /// </summary>
    private IDisposable? RequestScope(string number)
    {
        Activity.Current?.SetTag("intranet.request.number", number);
        return _log.BeginScope(new Dictionary<string, object?> { ["RequestNumber"] = number });
    }

    public async Task<RequestCreated> CreateAsync(IntakeForm form, CancellationToken ct = default)
    {
        if (!Organization.Policies.Allows(Organization.Policies.Requests, User)) throw new AccessDeniedException();
        var errors = IntakeValidator.Validate(form);
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var neighbourhood = await db.Neighbourhoods.SingleOrDefaultAsync(n => n.Id == form.NeighbourhoodId, ct);
        if (neighbourhood is not { IsActive: true })
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.NeighbourhoodId)] = "Seçilen mahalle artık kullanılmıyor; listeden başka bir mahalle seçin." });
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == form.CategoryId, ct);
        if (category is not { IsActive: true })
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.CategoryId)] = "Seçilen konu artık kullanılmıyor; başka bir konu seçin." });
        var directorateId = form.DirectorateId ?? category.DefaultDirectorateId;
        if (!await db.Directorates.AnyAsync(d => d.Id == directorateId && d.IsActive, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.DirectorateId)] = "Seçilen müdürlük bulunamadı." });
        // A request brought by a muhtar names the muhtar (of this neighbourhood) as its requester.
        var muhtarId = form.Channel == RequestChannel.Muhtar ? form.MuhtarId : null;
        if (muhtarId is not null && !await db.Muhtars.AnyAsync(m => m.Id == muhtarId && m.NeighbourhoodId == neighbourhood.Id, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.MuhtarId)] = "Seçilen muhtar bu mahallenin muhtarı değil; başvuruyu getiren muhtarı listeden seçin." });

        var now = clock.GetUtcNow().UtcDateTime;
        var request = new Request
        {
            Number = "",
            Type = form.Type,
            Channel = form.Channel,
            Status = RequestStatus.Yeni,
            Text = form.Text!.Trim(),
            Address = form.Address?.Trim(),
            Latitude = form.Latitude,
            Longitude = form.Longitude,
            ExternalReference = form.ExternalReference?.Trim(),
            NeighbourhoodId = neighbourhood.Id,
            MuhtarId = muhtarId,
            CategoryId = category.Id,
            DirectorateId = directorateId,
            CreatedAt = now,
            CreatedOn = IstanbulTime.Today(now),
            CreatedById = User.UserId,
            UpdatedAt = now,
            Citizen = form.HasCitizen ? await FindOrCreateCitizenAsync(db, form, neighbourhood.Id, now, ct) : null,
        };
        new DeadlinePolicy(await calendars.GetAsync(ct), deadlineOptions).Apply(request, category);
        await IntakeExtras.ApplyAsync(db, request, category, form, ct);
        foreach (var file in form.Attachments)
            db.RequestAttachments.Add(new RequestAttachment
            {
                Request = request, FileName = Path.GetFileName(file.FileName), ContentType = AttachmentRules.KindOf(file.Content)!,
                Size = file.Content.Length, Content = file.Content, UploadedAt = now, UploadedBy = User.Name,
            });

        await SaveWithNumberAsync(db, request, ct);
        using (RequestScope(request.Number))
            _log.LogInformation("Başvuru alındı: {Channel} kanalı, {Type}", request.Channel, request.Type);
        changes.Publish(ChangeEvent.ForRequest(null, RequestFacts.Of(request)));
        return new RequestCreated(request.Id, request.Number);
    }

    /// <summary>Numbers are the year's next sequence (<see cref="YearlySequence"/>): gap-free, unique under concurrent intake.</summary>
    private async Task SaveWithNumberAsync(IntranetDbContext db, Request request, CancellationToken ct)
    {
        var year = IstanbulTime.ToLocal(request.CreatedAt).Year;
        await YearlySequence.SaveNextAsync(db, $"request:{year}", db.Requests.Where(r => r.Year == year).Select(r => r.Sequence), sequence =>
        {
            request.Year = year;
            request.Sequence = sequence;
            request.Number = RequestNumber.Format(year, sequence);
            db.Requests.Add(request);
            db.RequestHistory.Add(History(request, null, RequestStatus.Yeni, $"{request.Channel.Name()} kanalından alındı."));
        }, ct, beforeRetry: () => db.ChangeTracker.Entries<RequestHistory>().ToList().ForEach(e => e.State = EntityState.Detached));
    }

    private static async Task<Citizen> FindOrCreateCitizenAsync(IntranetDbContext db, IntakeForm form, int neighbourhoodId, DateTime now, CancellationToken ct)
    {
        var phone = PhoneNumber.Normalize(form.Phone);
        var tc = string.IsNullOrWhiteSpace(form.TcKimlikNo) ? null : form.TcKimlikNo.Trim();
        var existing = tc is not null
            ? await db.Citizens.FirstOrDefaultAsync(c => c.TcKimlikNo == tc && c.AnonymizedAt == null, ct)
            : phone is not null
                ? await db.Citizens.Where(c => c.Phone == phone && c.AnonymizedAt == null).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct)
                : null;
        var citizen = existing ?? new Citizen { FullName = "", CreatedAt = now };
        citizen.FullName = form.CitizenName!.Trim();
        citizen.Phone = phone ?? citizen.Phone;
        citizen.Email = string.IsNullOrWhiteSpace(form.Email) ? citizen.Email : form.Email.Trim();
        citizen.TcKimlikNo = tc ?? citizen.TcKimlikNo;
        citizen.NeighbourhoodId = neighbourhoodId;
        // A secret ihbar's address is the place reported, not the sender's home.
        if (!form.IdentityConfidential) citizen.Address = form.Address?.Trim() ?? citizen.Address;
        if (existing is null) db.Citizens.Add(citizen);
        return citizen;
    }

    /// <summary>
    /// A call about a problem that is already open (a likely duplicate): recorded on the existing request's timeline,
    /// with its attachments, instead of opening a second request.
    /// </summary>
    public async Task<string> AttachToExistingAsync(int requestId, IntakeForm form, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Text)) throw ValidationException.For(new Dictionary<string, string> { [nameof(form.Text)] = "Eklenecek metni yazın." });
        var fileError = form.Attachments.Select(AttachmentRules.Check).FirstOrDefault(m => m is not null);
        if (fileError is not null) throw ValidationException.For(new Dictionary<string, string> { [nameof(form.Attachments)] = fileError });
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.VisibleTo(User).SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new AccessDeniedException("Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.");
        var now = clock.GetUtcNow().UtcDateTime;
        var who = form.IdentityConfidential ? "kimliği gizli ihbarcı" : form.HasCitizen ? PersonalData.MaskName(form.CitizenName) : "Anonim";
        db.RequestHistory.Add(History(request, request.Status, request.Status,
            $"Aynı konuda yeni bildirim ({form.Channel.Name()}, {who}): {form.Text.Trim()}"));
        foreach (var file in form.Attachments)
            db.RequestAttachments.Add(new RequestAttachment
            {
                RequestId = request.Id, FileName = Path.GetFileName(file.FileName), ContentType = AttachmentRules.KindOf(file.Content)!,
                Size = file.Content.Length, Content = file.Content, UploadedAt = now, UploadedBy = User.Name,
            });
        await db.SaveChangesAsync(ct);
        var facts = RequestFacts.Of(request);
        changes.Publish(ChangeEvent.ForRequest(facts, facts));
        return request.Number;
    }

    /// <summary>Takes one workflow step (or edits the working note) and returns the request's new version.</summary>
    public async Task<Guid> ApplyAsync(RequestStep step, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.VisibleTo(User).Include(r => r.Category).Include(r => r.Citizen)
            .SingleOrDefaultAsync(r => r.Id == step.RequestId, ct)
            ?? throw new AccessDeniedException("Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.");
        using var scope = RequestScope(request.Number);
        if (!RequestPermissions.Can(User, step.Action, request))
            throw new AccessDeniedException($"\"{ActionText.Name(step.Action)}\" işlemi için yetkiniz yok.");

        db.Entry(request).Property(r => r.Version).OriginalValue = step.Version;
        var before = RequestFacts.Of(request);
        var from = request.Status;
        var to = RequestPermissions.TargetOf(step.Action);
        if (to is { } target && !RequestPermissions.IsStepAllowed(from, step.Action, target))
            throw new ValidationException($"Bu başvuru \"{from.Name()}\" durumunda; \"{ActionText.Name(step.Action)}\" yapılamaz. " +
                                          $"İzin verilen adımlar: {string.Join(", ", RequestWorkflow.AllowedFrom(from).Select(s => s.Name()))}.");

        // A stale version fails here, before an SMS or e-mail goes out, not only at the save.
        if (request.Version != step.Version) throw await ConflictAsync(step.RequestId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await ApplyStepAsync(db, request, step, now, ct);
        // A sample of answered requests is called back about satisfaction; queued in this same save.
        if (step.Action == RequestAction.Answer) await Callbacks.SatisfactionSampling.EnqueueIfSampledAsync(db, request, satisfaction, now, ct);
        if (to is { } newStatus) request.Status = newStatus;
        request.UpdatedAt = now;
        if (step.Action != RequestAction.EditNote || to is not null)
            db.RequestHistory.Add(History(request, from, request.Status, step.Note?.Trim()));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(step.RequestId, ct);
        }
        _log.LogInformation("Başvuru adımı: {Action} ({From} → {To})", step.Action, from, request.Status);
        changes.Publish(ChangeEvent.ForRequest(before, RequestFacts.Of(request)));
        return request.Version;
    }

    private async Task ApplyStepAsync(IntranetDbContext db, Request request, RequestStep step, DateTime now, CancellationToken ct)
    {
        switch (step.Action)
        {
            case RequestAction.Reject:
                request.ReplyText = Require(step.Note, "Uygun bulunmama gerekçesini yazın; vatandaşa bu gerekçe bildirilir.");
                if (request.Type == RequestType.BilgiEdinme && !await LegalPathService.HasRefusalGroundAsync(db, request.Id, ct))
                    throw new ValidationException(LegalPathService.GroundRequired);
                break;
            case RequestAction.Route:
                var dir = step.DirectorateId ?? throw new ValidationException("Havale edilecek müdürlüğü seçin.");
                if (!await db.Directorates.AnyAsync(d => d.Id == dir && d.IsActive, ct)) throw new ValidationException("Seçilen müdürlük bulunamadı.");
                request.DirectorateId = dir;
                request.AssigneeId = null;
                request.RoutedAt = now;
                break;
            case RequestAction.Assign:
                var assignee = step.AssigneeId ?? User.UserId ?? throw new ValidationException("Atanacak personeli seçin.");
                var user = await db.Users.SingleOrDefaultAsync(u => u.Id == assignee && u.IsActive, ct)
                    ?? throw new ValidationException("Seçilen personel bulunamadı veya pasif.");
                if (user.DirectorateId != request.DirectorateId)
                    throw new ValidationException("Başvuru yalnızca kendi müdürlüğünün personeline atanabilir.");
                if (!User.SeesAllDirectorates && !User.IsInRole(Organization.Roles.Director) && assignee != User.UserId)
                    throw new AccessDeniedException("Personel başvuruyu yalnızca kendi üzerine alabilir; başkasına atamayı müdür yapar.");
                request.AssigneeId = assignee;
                break;
            case RequestAction.Resolve:
                MarkResolved(request, Require(step.Note, "Yapılan işi (çözümü) yazın; vatandaşa verilecek cevap buna dayanır."), now);
                break;
            case RequestAction.Answer:
                request.ReplyText = Require(step.Note, "Vatandaşa verilen cevabı yazın.");
                request.ReplyChannel = step.ReplyChannel ?? throw new ValidationException("Cevabın hangi kanalla verildiğini seçin.");
                request.AnsweredAt = now;
                // SMS and e-mail answers are sent through the providers; a failed send records nothing.
                if (replies is not null && await replies.SendAsync(request.Id, request.ReplyText, request.ReplyChannel.Value, ct) is { } sendError)
                    throw new ValidationException($"Cevap gönderilemedi: {sendError} Başvuru \"{request.Status.Name()}\" durumunda kaldı.");
                break;
            case RequestAction.Close:
                request.ClosedAt = now;
                break;
            case RequestAction.Reopen:
                Require(step.Note, "Yeniden açma nedenini yazın.");
                MarkReopened(request, now);
                break;
            case RequestAction.ExtendDeadline:
                Require(step.Note, "Sürenin uzatıldığının başvurana nasıl bildirildiğini yazın (4982 s. Kanun md. 11).");
                request.DeadlineExtended = true;
                new DeadlinePolicy(await calendars.GetAsync(ct), deadlineOptions).Apply(request, request.Category!);
                break;
            case RequestAction.EditNote:
                request.Note = string.IsNullOrWhiteSpace(step.Note) ? null : step.Note.Trim();
                break;
            case RequestAction.ForwardOutside:
                // The hand-off needs its body, letter and notices: it goes through HandoffService, never as a bare step.
                throw new ValidationException("Dış kuruma yönlendirme, kurum ve resmî yazı ile birlikte \"Dış kuruma yönlendir\" ekranından yapılır.");
        }
    }

    /// <summary>The request is solved now: what the resolution-time statistics read. Shared with work orders.</summary>
    internal static void MarkResolved(Request request, string resolution, DateTime now)
    {
        request.Resolution = resolution;
        request.ResolvedAt = now;
        request.ResolutionMinutes = (int)Math.Round((now - request.CreatedAt).TotalMinutes);
        request.ResolvedInTime = now <= request.DueAt;
    }

    /// <summary>Back to its directorate as not done: resolution and answer forgotten. Shared with satisfaction callbacks.</summary>
    internal static void MarkReopened(Request request, DateTime now)
    {
        request.ResolvedAt = null;
        request.ResolutionMinutes = null;
        request.ResolvedInTime = null;
        request.AnsweredAt = null;
        request.ClosedAt = null;
        request.RoutedAt = now;
    }

    internal async Task<ConcurrencyConflictException> ConflictAsync(int requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = await db.Requests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.Status, Assignee = r.Assignee != null ? r.Assignee.DisplayName : null, r.Note, Directorate = r.Directorate != null ? r.Directorate.Name : null })
            .SingleAsync(ct);
        // The audit log names whoever saved last, including edits that leave no timeline step (a note).
        var key = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Request) && a.EntityId == key)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var who = last is null ? "başka bir kullanıcı" : $"{last.UserName} ({IstanbulTime.Format(last.At)})";
        return new ConcurrencyConflictException(
            $"Bu başvuru siz çalışırken {who} tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi, gerekirse tekrar uygulayın.",
            $"Durum: {now.Status.Name()}, Müdürlük: {now.Directorate ?? "—"}, Atanan: {now.Assignee ?? "—"}, Not: {now.Note ?? "—"}");
    }

    internal RequestHistory History(Request request, RequestStatus? from, RequestStatus to, string? note) => new()
    {
        Request = request,
        At = clock.GetUtcNow().UtcDateTime,
        UserId = User.UserId,
        UserName = User.Name,
        FromStatus = from,
        ToStatus = to,
        DirectorateId = request.DirectorateId,
        AssigneeId = request.AssigneeId,
        Note = note,
    };

    private static string Require(string? value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(message) : value.Trim();
}

public static class ActionText
{
    public static string Name(RequestAction action) => action switch
    {
        RequestAction.Screen => "Ön incelemeye al",
        RequestAction.Reject => "Uygun değil",
        RequestAction.Route => "Havale et",
        RequestAction.Assign => "Ata",
        RequestAction.Start => "İşleme al",
        RequestAction.Resolve => "Çözüldü",
        RequestAction.Answer => "Cevap ver",
        RequestAction.Close => "Kapat",
        RequestAction.Reopen => "Yeniden aç",
        RequestAction.ExtendDeadline => "Süreyi uzat (4982)",
        RequestAction.EditNote => "Notu düzenle",
        RequestAction.ForwardOutside => "Dış kuruma yönlendir",
        _ => action.ToString(),
    };
}
