using Intranet.Core.Auditing;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>A contact as a list shows it (masked) or as a revealed, logged view shows it.</summary>
public sealed record JournalistRow(int Id, string Name, string Outlet, string Phone, string Email, bool IsActive, bool Masked, Guid Version);

public sealed class JournalistForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? FullName { get; set; }
    public string? Outlet { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>
/// The journalist contact list. Names, phones and e-mail addresses are personal data (KVKK): lists show them masked as
/// citizens' are (<see cref="PersonalData"/>, <see cref="PhoneNumber.Mask"/>); the press office and Admin may open one
/// contact in full, and every such view is written to the audit log. Releases reach the contacts by e-mail without
/// anyone reading the addresses.
/// </summary>
public sealed class JournalistService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<IReadOnlyList<JournalistRow>> ListAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Press, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Journalists.AsNoTracking();
        if (activeOnly) query = query.Where(j => j.IsActive);
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(j => j.Outlet, TurkishText.Comparer).ThenBy(j => j.FullName, TurkishText.Comparer).Select(Mask).ToList();
    }

    public static JournalistRow Mask(Journalist j) =>
        new(j.Id, PersonalData.MaskName(j.FullName), j.Outlet, PhoneNumber.Mask(j.Phone), PersonalData.MaskEmail(j.Email), j.IsActive, Masked: true, j.Version);

    /// <summary>One contact in full, for the press office and Admin; the view is audited.</summary>
    public async Task<JournalistRow> RevealAsync(int id, CancellationToken ct = default)
    {
        if (!PressPermissions.CanEdit(User)) throw new AccessDeniedException("Gazetecilerin kişisel verilerini yalnızca Basın Yayın ve sistem yöneticisi görebilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var j = await db.Journalists.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new ValidationException("Kişi bulunamadı.");
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, EntityType = nameof(Journalist), EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditActions.Viewed, UserObjectId = User.ObjectId, UserName = User.Name,
        });
        await db.SaveChangesAsync(ct);
        return new JournalistRow(j.Id, j.FullName, j.Outlet, j.Phone ?? "", j.Email ?? "", j.IsActive, Masked: false, j.Version);
    }

    public async Task<int> SaveAsync(JournalistForm form, CancellationToken ct = default)
    {
        if (!PressPermissions.CanEdit(User)) throw new AccessDeniedException("Gazeteci listesini yalnızca Basın Yayın ve sistem yöneticisi düzenleyebilir.");
        var errors = new Dictionary<string, string>();
        var name = form.FullName?.Trim();
        var outlet = form.Outlet?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length < 3) errors[nameof(form.FullName)] = "Gazetecinin adını ve soyadını yazın.";
        else if (name.Length > 160) errors[nameof(form.FullName)] = "Ad en fazla 160 karakter olabilir.";
        if (string.IsNullOrEmpty(outlet)) errors[nameof(form.Outlet)] = "Çalıştığı yayın kuruluşunu yazın.";
        else if (outlet.Length > 160) errors[nameof(form.Outlet)] = "Kuruluş adı en fazla 160 karakter olabilir.";
        var phone = PhoneNumber.Normalize(form.Phone);
        if (!string.IsNullOrWhiteSpace(form.Phone) && phone is null) errors[nameof(form.Phone)] = "Telefon numarası geçersiz; 0532 123 45 67 biçiminde yazın.";
        var email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        if (email is not null && !EmailAddress.IsValid(email)) errors[nameof(form.Email)] = "E-posta adresi geçersiz.";
        if (phone is null && email is null && !errors.ContainsKey(nameof(form.Phone))) errors[nameof(form.Email)] = "Telefon veya e-posta adresinden en az birini yazın.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Journalist j;
        if (form.Id == 0)
        {
            j = new Journalist { FullName = name!, Outlet = outlet! };
            db.Journalists.Add(j);
        }
        else
        {
            j = await db.Journalists.SingleOrDefaultAsync(x => x.Id == form.Id, ct) ?? throw new ValidationException("Kişi bulunamadı.");
            db.Entry(j).Property(x => x.Version).OriginalValue = form.Version;
            if (j.Version != form.Version) throw Conflict();
        }
        j.FullName = name!;
        j.Outlet = outlet!;
        j.Phone = phone;
        j.Email = email;
        j.IsActive = form.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
        return j.Id;
    }

    /// <summary>Removes a contact for good (a journalist who asked to be taken off the list, KVKK art. 7).</summary>
    public async Task DeleteAsync(int id, Guid version, CancellationToken ct = default)
    {
        if (!PressPermissions.CanEdit(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var j = await db.Journalists.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (j is null) return;
        db.Entry(j).Property(x => x.Version).OriginalValue = version;
        db.Journalists.Remove(j);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
    }

    private static ConcurrencyConflictException Conflict() =>
        new("Bu kişi siz düzenlerken başka biri tarafından değiştirildi; değişikliğiniz kaydedilmedi. Liste yenilendi, gerekirse tekrar düzenleyin.");
}
