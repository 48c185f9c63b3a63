using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>
/// Bulk work for desk supervisors and directors: assign, re-route, change priority or close as a repeat, for many
/// requests in one action. Each request is checked on its own (scope, role, workflow, the version the user saw) and
/// saved under its own savepoint, so one refusal or conflict never undoes the others; each change is audited by the context
/// and timelined like a single step. Work goes in batches of <see cref="BatchSize"/>, each committed at its end:
/// progress is reported and the change feed told of the batch's requests after its commit, and the caller's token stops the run between
/// requests (what was done so far is committed and stays).
/// </summary>
public sealed class BulkRequestService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    RequestService requests,
    IChangeFeed changes,
    TimeProvider clock)
{
    public const int BatchSize = 50;
    public const int MaxRequests = 5000;

    private UserContext User => currentUser.User;

    /// <summary>Whether the user does bulk work at all: the desk, the mayor's office, Admin and directors.</summary>
    public static bool IsAllowed(UserContext user) =>
        Policies.Allows(Policies.Requests, user) && (user.SeesAllDirectorates || user.IsInRole(Roles.Director));

    public Task<BulkResult> AssignAsync(BulkSelection selection, int assigneeId, IProgress<BulkProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync("Atama", selection, (db, r, version, token) =>
            requests.StageStepAsync(db, r, new RequestStep(r.Id, version, RequestAction.Assign, AssigneeId: assigneeId), token), progress, ct);

    public async Task<BulkResult> RouteAsync(BulkSelection selection, int directorateId, string? note, IProgress<BulkProgress>? progress = null, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.Directorates.AnyAsync(d => d.Id == directorateId && d.IsActive, ct)) throw new ValidationException("Havale edilecek müdürlüğü seçin.");
        return await RunAsync("Havale", selection, (db, r, version, token) =>
            requests.StageStepAsync(db, r, new RequestStep(r.Id, version, RequestAction.Route, note, DirectorateId: directorateId), token), progress, ct);
    }

    public Task<BulkResult> SetPriorityAsync(BulkSelection selection, RequestPriority priority, IProgress<BulkProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync("Öncelik değişikliği", selection, (db, r, version, _) =>
        {
            requests.StagePriority(db, r, version, priority);
            return Task.CompletedTask;
        }, progress, ct);

    /// <summary>Closes the selected requests as repeats of the request with this number (which the user must be able to see).</summary>
    public async Task<BulkResult> CloseAsDuplicateAsync(BulkSelection selection, string originalNumber, string? note, IProgress<BulkProgress>? progress = null, CancellationToken ct = default)
    {
        Demand();
        Request original;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var number = RequestNumber.Normalize(originalNumber ?? "");
            original = await db.Requests.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(r => r.Number == number, ct)
                ?? throw new ValidationException($"\"{originalNumber}\" numaralı başvuru bulunamadı ya da görme yetkiniz yok; asıl başvurunun numarasını yazın (ör. 2026-000123).");
        }
        return await RunAsync("Tekrar olarak kapatma", selection, (db, r, version, _) =>
        {
            requests.StageDuplicateClose(db, r, version, original, note);
            return Task.CompletedTask;
        }, progress, ct);
    }

    private async Task<BulkResult> RunAsync(string action, BulkSelection selection, Func<IntranetDbContext, Request, Guid, CancellationToken, Task> stage,
        IProgress<BulkProgress>? progress, CancellationToken ct)
    {
        Demand();
        var ids = await ResolveAsync(selection, ct);
        var results = new List<BulkItemResult>(ids.Count);
        var done = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            if (ct.IsCancellationRequested) break;
            var moved = new List<RequestChange>();
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            // One transaction per batch, one commit (one disk flush) for up to 50 saves; inside it every save gets
            // EF Core's own savepoint, so a request that fails to save is rolled back alone and the others stay.
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var loaded = await db.Requests.VisibleTo(User).Where(r => batch.Contains(r.Id)).ToDictionaryAsync(r => r.Id, CancellationToken.None);
            foreach (var id in batch)
            {
                if (ct.IsCancellationRequested) break;
                var request = loaded.GetValueOrDefault(id);
                var before = request is null ? null : RequestFacts.Of(request);
                var result = await ApplyOneAsync(db, id, request, selection.Versions, stage);
                results.Add(result);
                if (result.Outcome != BulkItemOutcome.Done) continue;
                done++;
                moved.Add(new RequestChange(before, RequestFacts.Of(request!)));
            }
            await transaction.CommitAsync(CancellationToken.None);
            // Each request's before/after facts: dashboards apply them to their counts instead of reloading per batch.
            foreach (var change in moved) changes.Publish(new ChangeEvent(ChangeTopic.Requests, change));
            progress?.Report(new BulkProgress(results.Count, ids.Count, done, results.Count - done));
        }
        var cancelled = results.Count < ids.Count;
        results.AddRange(ids.Skip(results.Count).Select(id => new BulkItemResult(id, null, BulkItemOutcome.NotProcessed, "İşlem durdurulduğu için dokunulmadı.")));
        return new BulkResult(action, results, cancelled);
    }

    /// <summary>One request in its own save; whatever fails is undone in the context so the next request saves cleanly.</summary>
    private static async Task<BulkItemResult> ApplyOneAsync(IntranetDbContext db, int id, Request? request, IReadOnlyDictionary<int, Guid>? versions,
        Func<IntranetDbContext, Request, Guid, CancellationToken, Task> stage)
    {
        if (request is null) return new BulkItemResult(id, null, BulkItemOutcome.Refused, "Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.");
        try
        {
            // Not cancellable inside one request: a stop between requests leaves no half-saved one.
            await stage(db, request, versions?.GetValueOrDefault(id) is { } seen && seen != Guid.Empty ? seen : request.Version, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            return new BulkItemResult(id, request.Number, BulkItemOutcome.Done, null);
        }
        catch (Exception ex) when (ex is AccessDeniedException or ValidationException)
        {
            Undo(db);
            return new BulkItemResult(id, request.Number, BulkItemOutcome.Refused, ex.Message);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DbUpdateConcurrencyException)
        {
            Undo(db);
            return new BulkItemResult(id, request.Number, BulkItemOutcome.Conflict,
                "Siz listeyi açtıktan sonra başka bir kullanıcı bu başvuruyu değiştirdi; değişiklik uygulanmadı.");
        }
    }

    /// <summary>Drops staged rows (history, audit) and puts changed records back as loaded.</summary>
    private static void Undo(IntranetDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Added) entry.State = EntityState.Detached;
            else if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                entry.CurrentValues.SetValues(entry.OriginalValues);
                entry.State = EntityState.Unchanged;
            }
        }
    }

    /// <summary>The ids to work on, in a stable order: the ticked rows, or every visible request matching the filter.</summary>
    private async Task<IReadOnlyList<int>> ResolveAsync(BulkSelection selection, CancellationToken ct)
    {
        IReadOnlyList<int> ids;
        if (selection.Filter is { } filter)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            ids = await RequestQueries.Apply(db, db.Requests.AsNoTracking().VisibleTo(User), filter, now).ExceptIdentityMatches(filter, User)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(MaxRequests + 1).ToListAsync(ct);
        }
        else ids = (selection.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0) throw new ValidationException("Toplu işlem için en az bir başvuru seçin.");
        if (ids.Count > MaxRequests)
            throw new ValidationException($"Bir toplu işlemde en fazla {MaxRequests:N0} başvuru işlenebilir; süzgeci daraltın.");
        return ids;
    }

    private void Demand()
    {
        if (!IsAllowed(User)) throw new AccessDeniedException("Toplu işlemleri Halkla İlişkiler masası, Özel Kalem, sistem yöneticisi ve müdürler yapabilir.");
    }
}
