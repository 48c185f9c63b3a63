using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Common;

/// <summary>Small rules every edit form of the muhtar, register and sister-city services shares.</summary>
public static class Edits
{
    /// <summary>Saves, turning a stale version into the Turkish conflict message ("Bu evrak siz çalışırken …").</summary>
    public static async Task SaveOrConflictAsync(this IntranetDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"{what} siz çalışırken başka biri tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi.");
        }
    }

    /// <summary>An optional text as stored: trimmed, and null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
