using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Citizens;

/// <summary>
/// KVKK retention: a citizen whose every request was closed more than N years ago keeps no personal data. The
/// requests stay (statistics need them); the citizen row is emptied and marked anonymised.
/// </summary>
public sealed class CitizenRetention(IDbContextFactory<IntranetDbContext> dbFactory, TimeProvider clock)
{
    public const string AnonymousName = "Anonimleştirildi";

    public async Task<int> AnonymizeAsync(int retentionYears, CancellationToken ct = default)
    {
        if (retentionYears < 1) throw new ArgumentOutOfRangeException(nameof(retentionYears), "Saklama süresi en az 1 yıl olmalı.");
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddYears(-retentionYears);
        // A request handed to an outside body is finished for us: its retention runs from the hand-off.
        var finished = new[] { RequestStatus.Kapandi, RequestStatus.UygunDegil, RequestStatus.DisKurumaYonlendirildi };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Citizens
            .Where(c => c.AnonymizedAt == null)
            .Where(c => db.Requests.Any(r => r.CitizenId == c.Id))
            .Where(c => !db.Requests.Any(r => r.CitizenId == c.Id && (!finished.Contains(r.Status) || (r.ClosedAt ?? r.UpdatedAt) > cutoff)))
            .Select(c => c.Id).Take(5000).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        // One transaction with the outbox texts below, so no message outlives its citizen's data.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Loaded and saved through the change tracker so each anonymisation is in the audit log.
        var citizens = await db.Citizens.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var c in citizens)
        {
            c.FullName = AnonymousName;
            c.Phone = null;
            c.Email = null;
            c.TcKimlikNo = null;
            c.Address = null;
            c.AnonymizedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await Requests.Outbox.RequestMessageOutbox.ForgetCitizensAsync(db, ids, ct);
        await tx.CommitAsync(ct);
        return citizens.Count;
    }
}
