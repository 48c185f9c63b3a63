using System.Text.Json;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>A user's named request-list filters. Each user sees and changes only their own.</summary>
public sealed class SavedFilterService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };

    private int Me => currentUser.User.UserId ?? throw new AccessDeniedException("Süzgeç kaydetmek için oturum açın.");

    public async Task<IReadOnlyList<(string Name, RequestFilter Filter)>> ListAsync(CancellationToken ct = default)
    {
        var me = Me;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SavedFilters.AsNoTracking().Where(f => f.UserId == me).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, TurkishText.Comparer)
            .Select(r => (r.Name, JsonSerializer.Deserialize<RequestFilter>(r.Json, Json) ?? new RequestFilter())).ToList();
    }

    /// <summary>Saves under the name, replacing the user's filter of the same name.</summary>
    public async Task SaveAsync(string name, RequestFilter filter, CancellationToken ct = default)
    {
        var me = Me;
        name = name.Trim();
        if (name.Length is 0 or > 100) throw new ValidationException("Süzgeç adı 1–100 karakter olmalı.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.SavedFilters.SingleOrDefaultAsync(f => f.UserId == me && f.Name == name, ct);
        if (row is null) db.SavedFilters.Add(row = new SavedFilter { UserId = me, Name = name, Json = "" });
        row.Json = JsonSerializer.Serialize(filter, Json);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(string name, CancellationToken ct = default)
    {
        var me = Me;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SavedFilters.Where(f => f.UserId == me && f.Name == name).ExecuteDeleteAsync(ct);
    }
}
