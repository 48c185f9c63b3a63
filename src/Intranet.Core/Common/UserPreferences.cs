using System.Text.Json;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Common;

/// <summary>Small per-user settings stored as JSON under a key (the dashboard's cards, say). Each user reads and writes only their own.</summary>
public sealed class UserPreferences(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<T?> GetAsync<T>(string key, CancellationToken ct = default)
    {
        if (currentUser.User.UserId is not { } me) return default;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.UserPreferences.AsNoTracking().Where(p => p.UserId == me && p.Key == key).Select(p => p.Json).SingleOrDefaultAsync(ct);
        return json is null ? default : JsonSerializer.Deserialize<T>(json);
    }

    public async Task SetAsync<T>(string key, T value, CancellationToken ct = default)
    {
        var me = currentUser.User.UserId ?? throw new AccessDeniedException("Ayarları kaydetmek için oturum açın.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == me && p.Key == key, ct);
        if (row is null) db.UserPreferences.Add(row = new UserPreference { UserId = me, Key = key, Json = "" });
        row.Json = JsonSerializer.Serialize(value);
        await db.SaveChangesAsync(ct);
    }
}
