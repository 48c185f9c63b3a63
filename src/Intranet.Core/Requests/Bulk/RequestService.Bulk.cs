using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

// The single-request changes the bulk service makes, staged on a request its own context loaded: the same
// permission, workflow and field rules as ApplyAsync (through ApplyStepAsync), but no save and no change-feed
// publish — BulkRequestService saves each request in its own unit and publishes them after its batch commits.
public sealed partial class RequestService
{
    /// <summary>Assign or Route, by the rules of <see cref="ApplyAsync"/>. Throws as it does; changes nothing when it throws.</summary>
    internal async Task StageStepAsync(IntranetDbContext db, Request request, RequestStep step, CancellationToken ct)
    {
        if (step.Action is not (RequestAction.Assign or RequestAction.Route))
            throw new ArgumentOutOfRangeException(nameof(step), "Toplu işlem yalnızca atama ve havale adımlarını uygular.");
        if (!RequestPermissions.Can(User, step.Action, request))
            throw new AccessDeniedException($"\"{ActionText.Name(step.Action)}\" işlemi için yetkiniz yok.");
        var from = request.Status;
        var to = RequestPermissions.TargetOf(step.Action)!.Value;
        if (!RequestPermissions.IsStepAllowed(from, step.Action, to))
            throw new ValidationException($"\"{from.Name()}\" durumundaki başvuruda \"{ActionText.Name(step.Action)}\" yapılamaz.");
        ExpectVersion(db, request, step.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        await ApplyStepAsync(db, request, step, now, ct);
        request.Status = to;
        request.UpdatedAt = now;
        db.RequestHistory.Add(History(request, from, to, step.Note?.Trim()));
    }

    /// <summary>Sets the priority of an open request; the desk or the request's director may.</summary>
    internal void StagePriority(IntranetDbContext db, Request request, Guid version, RequestPriority priority)
    {
        if (!RequestPermissions.Can(User, RequestAction.Route, request))
            throw new AccessDeniedException("Önceliği yalnızca Halkla İlişkiler masası veya başvurunun müdürü değiştirebilir.");
        if (!request.IsOpen) throw new ValidationException($"\"{request.Status.Name()}\" durumundaki başvurunun önceliği değiştirilemez.");
        ExpectVersion(db, request, version);
        if (request.Priority == priority) return;
        var before = request.Priority;
        request.Priority = priority;
        request.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.RequestHistory.Add(History(request, request.Status, request.Status, $"Öncelik: {before.Name()} → {priority.Name()}."));
    }

    /// <summary>
    /// Closes an open request as a repeat of <paramref name="original"/>: who may close it may do this from any open
    /// status (a repeat needs no screening, work or answer of its own; the original carries them).
    /// </summary>
    internal void StageDuplicateClose(IntranetDbContext db, Request request, Guid version, Request original, string? note)
    {
        if (!RequestPermissions.Can(User, RequestAction.Close, request))
            throw new AccessDeniedException("Tekrar olarak kapatmayı yalnızca Halkla İlişkiler masası veya başvurunun müdürü yapabilir.");
        if (request.Id == original.Id) throw new ValidationException("Asıl başvuru kendisinin tekrarı olarak kapatılamaz.");
        if (!request.IsOpen) throw new ValidationException($"\"{request.Status.Name()}\" durumundaki başvuru tekrar olarak kapatılamaz.");
        if (original.DuplicateOfId is not null) throw new ValidationException($"{original.Number} kendisi bir tekrar; asıl başvuruyu seçin.");
        ExpectVersion(db, request, version);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = request.Status;
        request.DuplicateOfId = original.Id;
        request.Status = RequestStatus.Kapandi;
        request.ClosedAt = now;
        request.UpdatedAt = now;
        var reason = $"{original.Number} numaralı başvurunun tekrarı olarak kapatıldı.";
        db.RequestHistory.Add(History(request, from, RequestStatus.Kapandi, string.IsNullOrWhiteSpace(note) ? reason : $"{reason} {note.Trim()}"));
    }

    private static void ExpectVersion(IntranetDbContext db, Request request, Guid version)
    {
        if (request.Version != version)
            throw new ConcurrencyConflictException("Bu başvuru siz listeyi açtıktan sonra başka bir kullanıcı tarafından değiştirildi; değişiklik uygulanmadı.");
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
    }
}
