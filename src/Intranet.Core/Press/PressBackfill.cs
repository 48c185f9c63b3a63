using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>
/// Clippings stored before the search column existed get their folded search text and Istanbul day once, at start-up,
/// a batch at a time (the full-text triggers index them as they are written). These are derived columns, not
/// anyone's change, so no audit rows are written for them.
/// </summary>
public static class PressBackfill
{
    public static async Task<int> RunAsync(IDbContextFactory<IntranetDbContext> dbFactory, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.AuditingSuspended = true;
            var batch = await db.PressClippings.Where(c => c.SearchText == "").OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var c in batch)
            {
                c.SearchText = ClippingKeys.SearchText(c.Title, c.Summary, c.Text, c.Columnist, c.Program);
                if (c.SearchText.Length == 0) c.SearchText = " "; // nothing to index; never picked up again
                c.PublishedOn = Common.IstanbulTime.Today(c.PublishedAt);
            }
            await db.SaveChangesAsync(ct);
            total += batch.Count;
        }
    }
}
