using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Handoffs;

/// <summary>The registry of outside bodies: everyone working on requests reads it; the desk and Admin keep it.</summary>
public sealed class OutsideBodyRegistry(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    private UserContext User => currentUser.User;

    public bool CanEdit => User.IsSystem || User.IsInRole(Roles.Admin) || (User.IsScreeningDesk && Policies.Allows(Policies.Requests, User));

    public async Task<IReadOnlyList<OutsideBody>> ListAsync(bool activeOnly, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.OutsideBodies.AsNoTracking().Where(b => !activeOnly || b.IsActive).ToListAsync(ct);
        return list.OrderBy(b => b.Kind).ThenBy(b => b.Name, TurkishText.Comparer).ToList();
    }

    /// <summary>Adds (Id 0) or updates a body against the version the user saw; returns the saved record.</summary>
    public async Task<OutsideBody> SaveAsync(OutsideBody edit, CancellationToken ct = default)
    {
        if (!CanEdit) throw new AccessDeniedException("Kurum listesini masa personeli ve sistem yöneticisi düzenler.");
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(edit.Name) || edit.Name.Trim().Length < 3) errors[nameof(edit.Name)] = "Kurumun adını yazın.";
        if (!string.IsNullOrWhiteSpace(edit.Email) && !EmailAddress.IsValid(edit.Email)) errors[nameof(edit.Email)] = "E-posta adresi geçersiz.";
        if (edit.Phone is { Length: > 40 }) errors[nameof(edit.Phone)] = "Telefon en fazla 40 karakter olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = edit.Name.Trim();
        if (await db.OutsideBodies.AnyAsync(b => b.Name == name && b.Id != edit.Id, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(edit.Name)] = "Bu adla kayıtlı bir kurum zaten var." });
        var body = edit.Id == 0 ? new OutsideBody { Name = name } : await db.OutsideBodies.SingleOrDefaultAsync(b => b.Id == edit.Id, ct)
            ?? throw new ValidationException("Kurum bulunamadı.");
        if (edit.Id == 0) db.OutsideBodies.Add(body);
        else db.Entry(body).Property(b => b.Version).OriginalValue = edit.Version;
        body.Name = name;
        body.Kind = edit.Kind;
        body.ContactName = Trimmed(edit.ContactName);
        body.Phone = Trimmed(edit.Phone);
        body.Email = Trimmed(edit.Email);
        body.IsActive = edit.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Bu kurum kaydı siz düzenlerken başka bir kullanıcı tarafından değiştirildi; değişikliğiniz kaydedilmedi.",
                "Listeyi yenileyip tekrar düzenleyin.");
        }
        return body;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
