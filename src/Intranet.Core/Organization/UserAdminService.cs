using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Organization;

/// <summary>A row of the Admin's user list.</summary>
public sealed record UserRow(int Id, string ObjectId, string DisplayName, string? Email, string Roles, int? DirectorateId,
    string? DirectorateName, bool IsDemo, bool IsActive, DateTime? LastSignInAt, Guid Version);

/// <summary>What Admin may change on a user: the directorate (Entra ID does not know it), the roles of demo users, activity.</summary>
public sealed record UserEdit(int Id, int? DirectorateId, string Roles, bool IsActive, Guid Version);

/// <summary>Admin's maintenance of <see cref="AppUser"/>: every call checks the Admin role itself.</summary>
public sealed class UserAdminService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .Select(u => new UserRow(u.Id, u.ObjectId, u.DisplayName, u.Email, u.Roles, u.DirectorateId,
                u.Directorate != null ? u.Directorate.Name : null, u.IsDemo, u.IsActive, u.LastSignInAt, u.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, TurkishText.Comparer).ToList();
    }

    /// <summary>Saves the edit unless someone saved the user since <see cref="UserEdit.Version"/> was read.</summary>
    public async Task<UserRow> UpdateAsync(UserEdit edit, CancellationToken ct = default)
    {
        Demand();
        var roles = ParseRoles(edit.Roles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == edit.Id, ct)
            ?? throw new ValidationException("Kullanıcı bulunamadı; silinmiş olabilir.");
        if (edit.DirectorateId is { } dirId && !await db.Directorates.AnyAsync(d => d.Id == dirId && d.IsActive, ct))
            throw new ValidationException("Seçilen müdürlük bulunamadı.");
        if (roles.Contains(Roles.Director) && edit.DirectorateId is null)
            throw new ValidationException("Müdür rolündeki kullanıcının bir müdürlüğü olmalı.");

        db.Entry(user).Property(u => u.Version).OriginalValue = edit.Version;
        user.DirectorateId = edit.DirectorateId;
        user.IsActive = edit.IsActive;
        // Entra ID users' roles come from their token at each sign-in; only demo users' roles are kept here.
        if (user.IsDemo) user.Roles = string.Join(",", roles);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await fresh.Users.AsNoTracking().Include(u => u.Directorate).SingleAsync(u => u.Id == edit.Id, ct);
            throw new ConcurrencyConflictException(
                "Bu kullanıcı siz düzenlerken başka biri tarafından değiştirildi. Değişikliğiniz kaydedilmedi; güncel hâli yüklendi.",
                $"Müdürlük: {now.Directorate?.Name ?? "—"}, Roller: {now.Roles}, Aktif: {(now.IsActive ? "Evet" : "Hayır")}");
        }
        return (await ListAsync(ct)).Single(r => r.Id == edit.Id);
    }

    private static List<string> ParseRoles(string roles)
    {
        var list = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = list.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) throw new ValidationException($"Bilinmeyen rol: {string.Join(", ", unknown)}.");
        return list;
    }

    private void Demand()
    {
        if (!Policies.Allows(Policies.Admin, currentUser.User)) throw new AccessDeniedException();
    }
}
