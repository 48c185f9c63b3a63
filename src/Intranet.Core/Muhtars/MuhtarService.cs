using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>One line of the registry: a mahalle and its muhtar in office today (null when none is recorded).</summary>
public sealed record MuhtarRow(int NeighbourhoodId, string Neighbourhood, int? MuhtarId, string? FullName, string? Phone, string? Email,
    DateOnly? TermStart, DateOnly? TermEnd, int Members);

/// <summary>A muhtar for a picker: "Hüseyin Çakır (Çağlayan)".</summary>
public sealed record MuhtarChoice(int Id, string FullName, int NeighbourhoodId, string Neighbourhood)
{
    public override string ToString() => $"{FullName} ({Neighbourhood})";
}

/// <summary>The muhtar form; mutable so it binds and keeps what was typed through a failed save.</summary>
public sealed class MuhtarForm
{
    public int? Id { get; set; }
    public int? NeighbourhoodId { get; set; }
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? OfficeAddress { get; set; }
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; }

    public static MuhtarForm From(Muhtar m) => new()
    {
        Id = m.Id, NeighbourhoodId = m.NeighbourhoodId, FullName = m.FullName, Phone = m.Phone, Email = m.Email,
        OfficeAddress = m.OfficeAddress, TermStart = m.TermStart, TermEnd = m.TermEnd, Notes = m.Notes, Version = m.Version,
    };
}

public sealed record MemberForm(int Seat, string? FullName, string? Phone);

public sealed record ContactForm(ContactKind Kind, DateTime AtUtc, string? Subject, string? Notes);

/// <summary>The muhtar registry: muhtars by term, their members (aza) and contacts recorded by hand.</summary>
public sealed class MuhtarService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, MuhtarOptions options, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    private DateOnly Today => IstanbulTime.Today(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<MuhtarRow>> ListAsync(CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Where(n => n.IsActive).Select(n => new { n.Id, n.Name }).ToListAsync(ct);
        var current = await db.Muhtars.AsNoTracking()
            .Where(m => m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .Select(m => new { m.Id, m.NeighbourhoodId, m.FullName, m.Phone, m.Email, m.TermStart, m.TermEnd, Members = m.Members.Count })
            .ToDictionaryAsync(m => m.NeighbourhoodId, ct);
        return neighbourhoods
            .Select(n => current.TryGetValue(n.Id, out var m)
                ? new MuhtarRow(n.Id, n.Name, m.Id, m.FullName, m.Phone, m.Email, m.TermStart, m.TermEnd, m.Members)
                : new MuhtarRow(n.Id, n.Name, null, null, null, null, null, null, 0))
            .OrderBy(r => r.Neighbourhood, TurkishText.Comparer).ToList();
    }

    /// <summary>The muhtars in office today, for pickers (intake, announcements).</summary>
    public async Task<IReadOnlyList<MuhtarChoice>> CurrentAsync(int? neighbourhoodId = null, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var query = db.Muhtars.AsNoTracking().Where(m => m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today));
        if (neighbourhoodId is { } n) query = query.Where(m => m.NeighbourhoodId == n);
        var list = await query.Select(m => new MuhtarChoice(m.Id, m.FullName, m.NeighbourhoodId, m.Neighbourhood!.Name)).ToListAsync(ct);
        return list.OrderBy(m => m.Neighbourhood, TurkishText.Comparer).ToList();
    }

    public async Task<Muhtar?> GetAsync(int id, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var muhtar = await db.Muhtars.AsNoTracking().Include(m => m.Neighbourhood).Include(m => m.Members)
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        muhtar?.Members.Sort((a, b) => a.Seat.CompareTo(b.Seat));
        return muhtar;
    }

    /// <summary>Every muhtar the mahalle has had, newest term first.</summary>
    public async Task<IReadOnlyList<Muhtar>> TermsAsync(int neighbourhoodId, CancellationToken ct = default)
    {
        MuhtarAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Muhtars.AsNoTracking().Where(m => m.NeighbourhoodId == neighbourhoodId).OrderByDescending(m => m.TermStart).ToListAsync(ct);
    }

    public Task<bool> CanManageAsync(CancellationToken ct = default) => WithDb(db => MuhtarAccess.CanManageAsync(db, User, options, ct), ct);

    /// <summary>Adds a muhtar (a new term) or saves the edit of one, unless someone saved it since it was read.</summary>
    public async Task<int> SaveAsync(MuhtarForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MuhtarAccess.DemandManageAsync(db, User, options, ct);
        var errors = new Dictionary<string, string>();
        var phone = PhoneNumber.Normalize(form.Phone);
        if (string.IsNullOrWhiteSpace(form.FullName) || form.FullName.Trim().Length < 3) errors[nameof(form.FullName)] = "Muhtarın adını ve soyadını yazın.";
        if (!string.IsNullOrWhiteSpace(form.Phone) && phone is null) errors[nameof(form.Phone)] = "Telefon numarası geçersiz; 0532 123 45 67 biçiminde yazın.";
        if (!string.IsNullOrWhiteSpace(form.Email) && !EmailAddress.IsValid(form.Email)) errors[nameof(form.Email)] = "E-posta adresi geçersiz.";
        if (form.TermStart is null) errors[nameof(form.TermStart)] = "Görev başlangıç tarihini girin.";
        else if (form.TermEnd < form.TermStart) errors[nameof(form.TermEnd)] = "Görev bitişi başlangıçtan önce olamaz.";
        if (form.NeighbourhoodId is null || !await db.Neighbourhoods.AnyAsync(n => n.Id == form.NeighbourhoodId && n.IsActive, ct))
            errors[nameof(form.NeighbourhoodId)] = "Seçilen mahalle bulunamadı; listeden bir mahalle seçin.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        var overlap = await db.Muhtars.AsNoTracking()
            .Where(m => m.NeighbourhoodId == form.NeighbourhoodId && m.Id != form.Id
                        && m.TermStart <= (form.TermEnd ?? DateOnly.MaxValue) && (m.TermEnd == null || m.TermEnd >= form.TermStart))
            .FirstOrDefaultAsync(ct);
        if (overlap is not null)
            throw ValidationException.For(new Dictionary<string, string>
            {
                [nameof(form.TermStart)] = $"Bu mahallede {overlap.FullName} {Term(overlap.TermStart, overlap.TermEnd)} döneminde muhtar; görev dönemleri çakışamaz. " +
                                           "Önce önceki muhtarın görev bitişini girin.",
            });

        var muhtar = form.Id is { } id
            ? await db.Muhtars.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new ValidationException("Muhtar kaydı bulunamadı; silinmiş olabilir.")
            : db.Muhtars.Add(new Muhtar { FullName = "" }).Entity;
        if (form.Id is not null) db.Entry(muhtar).Property(m => m.Version).OriginalValue = form.Version;
        muhtar.NeighbourhoodId = form.NeighbourhoodId!.Value;
        muhtar.FullName = form.FullName!.Trim();
        muhtar.Phone = phone;
        muhtar.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        muhtar.OfficeAddress = Edits.Clean(form.OfficeAddress);
        muhtar.TermStart = form.TermStart!.Value;
        muhtar.TermEnd = form.TermEnd;
        muhtar.Notes = Edits.Clean(form.Notes);
        await db.SaveOrConflictAsync("Bu muhtar kaydı", ct);
        return muhtar.Id;
    }

    /// <summary>Replaces the members (aza) of a muhtar's council, against the muhtar's version the user saw.</summary>
    public async Task SaveMembersAsync(int muhtarId, Guid version, IReadOnlyList<MemberForm> members, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MuhtarAccess.DemandManageAsync(db, User, options, ct);
        var filled = members.Where(m => !string.IsNullOrWhiteSpace(m.FullName) || !string.IsNullOrWhiteSpace(m.Phone)).ToList();
        foreach (var m in filled)
        {
            if (string.IsNullOrWhiteSpace(m.FullName) || m.FullName.Trim().Length < 3) throw new ValidationException($"{m.Seat}. azanın adını ve soyadını yazın.");
            if (!string.IsNullOrWhiteSpace(m.Phone) && PhoneNumber.Normalize(m.Phone) is null) throw new ValidationException($"{m.Seat}. azanın telefon numarası geçersiz.");
        }
        if (filled.GroupBy(m => m.Seat).Any(g => g.Count() > 1)) throw new ValidationException("Her sıra numarasına bir aza yazılabilir.");
        var muhtar = await db.Muhtars.Include(m => m.Members).SingleOrDefaultAsync(m => m.Id == muhtarId, ct)
            ?? throw new ValidationException("Muhtar kaydı bulunamadı.");
        db.Entry(muhtar).Property(m => m.Version).OriginalValue = version;
        // The member list is saved as a whole under the muhtar's version: touching it makes a stale list conflict.
        db.Entry(muhtar).Property(m => m.Version).IsModified = true;
        var bySeat = muhtar.Members.ToDictionary(m => m.Seat);
        foreach (var old in muhtar.Members.Where(m => filled.All(f => f.Seat != m.Seat)).ToList()) db.MuhtarMembers.Remove(old);
        foreach (var f in filled)
        {
            var member = bySeat.GetValueOrDefault(f.Seat) ?? db.MuhtarMembers.Add(new MuhtarMember { MuhtarId = muhtarId, Seat = f.Seat, FullName = "" }).Entity;
            member.FullName = f.FullName!.Trim();
            member.Phone = PhoneNumber.Normalize(f.Phone);
        }
        await db.SaveOrConflictAsync("Bu muhtar kaydı", ct);
    }

    /// <summary>Records a call or a meeting on the muhtar's timeline.</summary>
    public async Task AddContactAsync(int muhtarId, ContactForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MuhtarAccess.DemandManageAsync(db, User, options, ct);
        if (!ContactKindText.Manual.Contains(form.Kind)) throw new ValidationException("Ziyaret, başvuru, yazı ve duyurular zaman çizelgesine kendi kayıtlarından gelir.");
        if (string.IsNullOrWhiteSpace(form.Subject)) throw new ValidationException("Görüşmenin konusunu yazın.");
        if (form.AtUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(5)) throw new ValidationException("Görüşme zamanı ileri bir tarih olamaz.");
        if (!await db.Muhtars.AnyAsync(m => m.Id == muhtarId, ct)) throw new ValidationException("Muhtar kaydı bulunamadı.");
        db.MuhtarContacts.Add(new MuhtarContact
        {
            MuhtarId = muhtarId, Kind = form.Kind, At = form.AtUtc, Subject = form.Subject.Trim(), Notes = Edits.Clean(form.Notes), RecordedBy = User.Name,
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task<T> WithDb<T>(Func<IntranetDbContext, Task<T>> work, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await work(db);
    }

    internal static string Term(DateOnly start, DateOnly? end) =>
        $"{start.ToString("dd.MM.yyyy", TurkishText.Culture)}–{(end is { } e ? e.ToString("dd.MM.yyyy", TurkishText.Culture) : "…")}";
}
