using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.WorkOrders;

/// <summary>What the planning form collects.</summary>
public sealed class WorkOrderForm
{
    public int? DirectorateId { get; set; }
    public string? Crew { get; set; }
    public string? Description { get; set; }
    public DateOnly? PlannedOn { get; set; }
}

/// <summary>What happened to a work order, and whether its request became solved with it.</summary>
public sealed record WorkOrderSaved(Guid Version, bool RequestResolved);

/// <summary>
/// The write side of work orders: plan, start, complete, cancel, photos. Every change is checked per directorate
/// (<see cref="WorkOrderPermissions"/>) and saved against the version the user saw. Completing or cancelling the last
/// open work order solves the request (Çözüldü) in the same transaction; those two steps also touch the request, so
/// two crews closing the last two work orders at the same moment cannot both miss that the other is done.
/// </summary>
public sealed class WorkOrderService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    RequestService requests,
    IChangeFeed changes,
    TimeProvider clock)
{
    public const int MaxPhotosPerStage = 10;
    /// <summary>Where work orders can be opened and can solve the request: routed to a directorate, not yet solved.</summary>
    internal static readonly RequestStatus[] Workable = [RequestStatus.HavaleEdildi, RequestStatus.Atandi, RequestStatus.Islemde];

    private UserContext User => currentUser.User;

    public async Task<int> CreateAsync(int requestId, WorkOrderForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (form.DirectorateId is null) errors[nameof(form.DirectorateId)] = "İşi yapacak müdürlüğü seçin.";
        if (string.IsNullOrWhiteSpace(form.Description) || form.Description.Trim().Length < 5) errors[nameof(form.Description)] = "Yapılacak işi yazın.";
        else if (form.Description.Length > 1000) errors[nameof(form.Description)] = "İş tanımı en fazla 1000 karakter olabilir.";
        if (form.Crew is { Length: > 100 }) errors[nameof(form.Crew)] = "Ekip adı en fazla 100 karakter olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new AccessDeniedException("Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.");
        if (!WorkOrderPermissions.CanPlan(User, request))
            throw new AccessDeniedException("İş emrini masa personeli veya başvurunun müdürlüğü açar.");
        if (!Workable.Contains(request.Status))
            throw new ValidationException($"Bu başvuru \"{request.Status.Name()}\" durumunda; iş emri yalnızca müdürlüğe havale edilmiş ve henüz çözülmemiş bir başvuruya açılır.");
        if (!await db.Directorates.AnyAsync(d => d.Id == form.DirectorateId && d.IsActive, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.DirectorateId)] = "Seçilen müdürlük bulunamadı." });
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new WorkOrder
        {
            RequestId = requestId, DirectorateId = form.DirectorateId!.Value, Crew = string.IsNullOrWhiteSpace(form.Crew) ? null : form.Crew.Trim(),
            Description = form.Description!.Trim(), Status = WorkOrderStatus.Planlandi, PlannedOn = form.PlannedOn,
            CreatedAt = now, CreatedBy = User.Name, UpdatedAt = now,
        };
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Requests);
        return order.Id;
    }

    public Task<WorkOrderSaved> StartAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (order, _, now) =>
        {
            Demand(WorkOrderPermissions.CanWork(User, order), "Bu iş emri başka bir müdürlüğün ekibine ait.");
            if (order.Status != WorkOrderStatus.Planlandi) throw new ValidationException($"İş emri \"{order.Status.Name()}\" durumunda; yalnızca planlanmış bir iş başlatılır.");
            order.Status = WorkOrderStatus.Sahada;
            order.StartedAt = now;
            return false;
        }, ct);

    public Task<WorkOrderSaved> CompleteAsync(int id, Guid version, string? note, CancellationToken ct = default) =>
        ChangeAsync(id, version, (order, _, now) =>
        {
            Demand(WorkOrderPermissions.CanWork(User, order), "Bu iş emri başka bir müdürlüğün ekibine ait.");
            if (order.IsFinished) throw new ValidationException($"İş emri zaten \"{order.Status.Name()}\".");
            if (string.IsNullOrWhiteSpace(note) || note.Trim().Length < 5) throw new ValidationException("Yapılan işi kısaca yazın.");
            if (note.Length > 2000) throw new ValidationException("Açıklama en fazla 2000 karakter olabilir.");
            order.Status = WorkOrderStatus.Tamamlandi;
            order.StartedAt ??= now;
            order.DoneAt = now;
            order.DoneNote = note.Trim();
            return true;
        }, ct);

    public Task<WorkOrderSaved> CancelAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(id, version, (order, request, now) =>
        {
            Demand(WorkOrderPermissions.CanCancel(User, order, request), "İş emrini başvurunun müdürlüğü, masa veya işi yapan müdürlüğün müdürü iptal eder.");
            if (order.IsFinished) throw new ValidationException($"İş emri zaten \"{order.Status.Name()}\".");
            if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException("İptal nedenini yazın.");
            order.Status = WorkOrderStatus.IptalEdildi;
            order.CancelReason = reason.Trim();
            return true;
        }, ct);

    /// <summary>A photo from the site. Checked like every attachment (type by its bytes, size), and it must be a picture.</summary>
    public async Task<int> AddPhotoAsync(int id, PhotoStage stage, UploadedFile file, CancellationToken ct = default)
    {
        if (AttachmentRules.Check(file) is { } error) throw new ValidationException(error);
        if (AttachmentRules.KindOf(file.Content) is not { } kind || !kind.StartsWith("image/", StringComparison.Ordinal))
            throw new ValidationException($"\"{file.FileName}\" bir fotoğraf değil; JPEG, PNG veya WebP yükleyin.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new AccessDeniedException("İş emri bulunamadı ya da görme yetkiniz yok.");
        Demand(WorkOrderPermissions.CanWork(User, order), "Bu iş emrine yalnızca işi yapan müdürlüğün ekibi fotoğraf ekler.");
        if (order.Status == WorkOrderStatus.IptalEdildi) throw new ValidationException("İptal edilmiş iş emrine fotoğraf eklenmez.");
        if (await db.WorkOrderPhotos.CountAsync(p => p.WorkOrderId == id && p.Stage == stage, ct) >= MaxPhotosPerStage)
            throw new ValidationException($"\"{stage.Name()}\" için en fazla {MaxPhotosPerStage} fotoğraf eklenebilir.");
        var photo = new WorkOrderPhoto
        {
            WorkOrderId = id, Stage = stage, FileName = Path.GetFileName(file.FileName), ContentType = kind, Size = file.Content.Length,
            Content = file.Content, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Name,
        };
        db.WorkOrderPhotos.Add(photo);
        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Requests);
        return photo.Id;
    }

    /// <summary>
    /// Loads the work order and its request, applies <paramref name="change"/> (true: a finishing step that may solve
    /// the request) and saves against the user's version of the work order. When only the request's token moved
    /// (another work order of it was finished meanwhile), the change is applied again on fresh data.
    /// </summary>
    private async Task<WorkOrderSaved> ChangeAsync(int id, Guid version, Func<WorkOrder, Request, DateTime, bool> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var order = await db.WorkOrders.VisibleTo(User).Include(o => o.Request).SingleOrDefaultAsync(o => o.Id == id, ct)
                ?? throw new AccessDeniedException("İş emri bulunamadı ya da görme yetkiniz yok.");
            if (order.Version != version) throw Conflict(order);
            db.Entry(order).Property(o => o.Version).OriginalValue = version;
            var request = order.Request!;
            var now = clock.GetUtcNow().UtcDateTime;
            var finishing = change(order, request, now);
            order.UpdatedAt = now;
            var resolved = finishing && await ResolveIfAllDoneAsync(db, order, request, now, ct);
            if (finishing) request.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
                changes.Publish(ChangeTopic.Requests);
                return new WorkOrderSaved(order.Version, resolved);
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < 3 && ex.Entries.All(e => e.Entity is Request))
            {
                // Only the request moved on: try again with what the other save left.
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Conflict(order);
            }
        }
    }

    private async Task<bool> ResolveIfAllDoneAsync(IntranetDbContext db, WorkOrder order, Request request, DateTime now, CancellationToken ct)
    {
        var all = await db.WorkOrders.Include(o => o.Directorate).Where(o => o.RequestId == order.RequestId).ToListAsync(ct);
        if (all.Any(o => !o.IsFinished) || all.All(o => o.Status != WorkOrderStatus.Tamamlandi)) return false;
        if (!Workable.Contains(request.Status)) return false;
        var from = request.Status;
        var lines = all.Where(o => o.Status == WorkOrderStatus.Tamamlandi).OrderBy(o => o.DoneAt)
            .Select(o => $"• {o.Description} ({o.Directorate!.Name}{(o.Crew is null ? "" : $", {o.Crew}")}): {o.DoneNote}");
        RequestService.MarkResolved(request, "İş emirleri tamamlandı:\n" + string.Join("\n", lines), now);
        request.Status = RequestStatus.Cozuldu;
        db.RequestHistory.Add(requests.History(request, from, RequestStatus.Cozuldu,
            $"Başvurunun {all.Count(o => o.Status == WorkOrderStatus.Tamamlandi)} iş emrinin tamamı bitti; başvuru çözüldü."));
        return true;
    }

    private static ConcurrencyConflictException Conflict(WorkOrder current) => new(
        "Bu iş emri siz çalışırken başka bir kullanıcı tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi.",
        $"Durum: {current.Status.Name()}");

    private static void Demand(bool allowed, string message)
    {
        if (!allowed) throw new AccessDeniedException(message);
    }
}
