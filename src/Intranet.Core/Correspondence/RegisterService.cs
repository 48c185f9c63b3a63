using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Correspondence;

/// <summary>An incoming document as the register form collects it; mutable for binding.</summary>
public sealed class IncomingForm
{
    public DateOnly? DocumentDate { get; set; }
    public PartyKind PartyKind { get; set; } = PartyKind.Kurum;
    public string? PartyName { get; set; }
    public string? PartyAddress { get; set; }
    public int? MuhtarId { get; set; }
    public string? ExternalNumber { get; set; }
    public string? Subject { get; set; }
    public int? DirectorateId { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>The number of a request the document is about ("2026-000123").</summary>
    public string? RequestNumber { get; set; }
    public List<UploadedFile> Attachments { get; set; } = [];
}

/// <summary>An outgoing letter written from a template.</summary>
public sealed class LetterForm
{
    public int? TemplateId { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public PartyKind PartyKind { get; set; } = PartyKind.Kurum;
    /// <summary>The recipient as the letter addresses them.</summary>
    public string? PartyName { get; set; }
    public string? PartyAddress { get; set; }
    public int? MuhtarId { get; set; }
    public string? RequestNumber { get; set; }
    public Dictionary<string, string?> Values { get; set; } = [];
}

public sealed record RegisterCreated(int Id, string Number);

/// <summary>A letter template as Özel Kalem edits it.</summary>
public sealed class TemplateForm
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public LetterKind Kind { get; set; } = LetterKind.Diger;
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>
/// The write side of the evrak kayıt defteri. Every problem is found before the register number is taken, and the
/// entry, its number and its scans are saved in one transaction (<see cref="YearlySequence"/>), so a refused or failed
/// registration leaves neither a half-saved entry nor a gap in the numbers.
/// </summary>
public sealed class RegisterService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int Law3071Days = 30;
    public const int DefaultDueDays = 15;
    private UserContext User => currentUser.User;

    public async Task<RegisterCreated> RegisterIncomingAsync(IncomingForm form, CancellationToken ct = default)
    {
        RegisterAccess.DemandRegister(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = IstanbulTime.Today(now);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Subject) || form.Subject.Trim().Length < 3) errors[nameof(form.Subject)] = "Evrakın konusunu yazın.";
        if (form.DocumentDate is null) errors[nameof(form.DocumentDate)] = "Evrak tarihini girin.";
        else if (form.DocumentDate > today) errors[nameof(form.DocumentDate)] = "Evrak tarihi ileri bir tarih olamaz.";
        if (form.Attachments.Count > AttachmentRules.MaxFiles) errors[nameof(form.Attachments)] = $"En fazla {AttachmentRules.MaxFiles} tarama eklenebilir.";
        else if (form.Attachments.Select(AttachmentRules.Check).FirstOrDefault(m => m is not null) is { } fileError) errors[nameof(form.Attachments)] = fileError;
        var party = await PartyAsync(db, form.PartyKind, form.PartyName, form.MuhtarId, "Gönderen", errors, ct);
        var requestId = await RequestIdAsync(db, form.RequestNumber, errors, ct);
        if (form.DirectorateId is { } dir && !await db.Directorates.AnyAsync(d => d.Id == dir && d.IsActive, ct))
            errors[nameof(form.DirectorateId)] = "Havale edilecek müdürlük bulunamadı.";
        DateOnly? due = form.DirectorateId is null ? null : form.DueOn ?? today.AddDays(form.PartyKind == PartyKind.Vatandas ? Law3071Days : DefaultDueDays);
        if (due < today) errors[nameof(form.DueOn)] = "Cevap son tarihi bugünden önce olamaz.";
        else if (form.PartyKind == PartyKind.Vatandas && due > today.AddDays(Law3071Days))
            errors[nameof(form.DueOn)] = $"Dilekçeler 3071 sayılı Kanun gereği 30 gün içinde cevaplanır; son tarih en geç {today.AddDays(Law3071Days).ToString("dd.MM.yyyy", TurkishText.Culture)} olabilir.";
        if (errors.Count > 0) throw ValidationException.For(errors);

        var entry = NewEntry(RegisterDirection.Gelen, now, form.DocumentDate!.Value, form.PartyKind, party.Name, form.PartyAddress, party.MuhtarId,
            form.Subject!.Trim(), requestId);
        entry.ExternalNumber = Edits.Clean(form.ExternalNumber);
        entry.DirectorateId = form.DirectorateId;
        entry.DueOn = due;
        entry.RoutedAt = form.DirectorateId is null ? null : now;
        entry.Attachments = form.Attachments.Select(f => new RegisterAttachment
        {
            FileName = Path.GetFileName(f.FileName), ContentType = AttachmentRules.KindOf(f.Content)!, Size = f.Content.Length,
            Content = f.Content, UploadedAt = now, UploadedBy = User.Name,
        }).ToList();
        await SaveNumberedAsync(db, entry, _ => { }, ct);
        return new RegisterCreated(entry.Id, entry.Number);
    }

    /// <summary>Writes an outgoing letter from a template, numbered in the outgoing register; {Sayi} and {Tarih} are filled here.</summary>
    public async Task<RegisterCreated> WriteLetterAsync(LetterForm form, CancellationToken ct = default)
    {
        RegisterAccess.DemandRegister(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>();
        var template = form.TemplateId is { } tid ? await db.LetterTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tid && t.IsActive, ct) : null;
        if (template is null) throw ValidationException.For(new Dictionary<string, string> { [nameof(form.TemplateId)] = "Yazı şablonunu seçin." });
        var party = await PartyAsync(db, form.PartyKind, form.PartyName, form.MuhtarId, "Alıcı", errors, ct);
        var requestId = await RequestIdAsync(db, form.RequestNumber, errors, ct);
        if (errors.Count > 0) throw ValidationException.For(errors);
        var date = form.DocumentDate ?? IstanbulTime.Today(now);
        var values = new Dictionary<string, string?>(form.Values) { [LetterTemplates.DateField] = date.ToString("dd.MM.yyyy", TurkishText.Culture), [LetterTemplates.NumberField] = "?" };
        var missing = LetterTemplates.Missing(values, template.Subject, template.Body);
        if (missing.Count > 0) throw LetterTemplates.MissingError(missing);

        var entry = NewEntry(RegisterDirection.Giden, now, date, form.PartyKind, party.Name, form.PartyAddress, party.MuhtarId, "", requestId);
        entry.LetterKind = template.Kind;
        entry.TemplateId = template.Id;
        await SaveNumberedAsync(db, entry, number =>
        {
            // The number is known only inside the numbering transaction: the text is filled with it there.
            values[LetterTemplates.NumberField] = number;
            entry.Subject = Truncate(LetterTemplates.Fill(template.Subject, values), 300);
            entry.Body = Truncate(LetterTemplates.Fill(template.Body, values), 8000);
            entry.SearchKey = SearchKeyOf(entry);
        }, ct);
        return new RegisterCreated(entry.Id, entry.Number);
    }

    /// <summary>Routes (havale) a document to a directorate with a due date, or re-routes it.</summary>
    public async Task RouteAsync(int id, Guid version, int directorateId, DateOnly dueOn, CancellationToken ct = default)
    {
        RegisterAccess.DemandRegister(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.RegisterEntries.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new ValidationException("Evrak bulunamadı.");
        if (!await db.Directorates.AnyAsync(d => d.Id == directorateId && d.IsActive, ct)) throw new ValidationException("Havale edilecek müdürlük bulunamadı.");
        if (dueOn < IstanbulTime.Today(clock.GetUtcNow().UtcDateTime)) throw new ValidationException("Cevap son tarihi bugünden önce olamaz.");
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        entry.DirectorateId = directorateId;
        entry.DueOn = dueOn;
        entry.RoutedAt = clock.GetUtcNow().UtcDateTime;
        entry.CompletedAt = null;
        await db.SaveOrConflictAsync("Bu evrak", ct);
    }

    /// <summary>The routed directorate (or Özel Kalem) records what was done: answered, filed.</summary>
    public async Task CompleteAsync(int id, Guid version, string? note, CancellationToken ct = default)
    {
        RegisterAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.RegisterEntries.VisibleTo(User).SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new AccessDeniedException("Evrak bulunamadı ya da size havale edilmemiş.");
        if (!RegisterAccess.CanComplete(User, entry)) throw new AccessDeniedException("Bu evrakı yalnızca havale edilen müdürlük sonuçlandırabilir.");
        if (string.IsNullOrWhiteSpace(note)) throw new ValidationException("Evrakla ilgili yapılanı yazın (ör. cevap yazısının sayısı).");
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        entry.CompletedAt = clock.GetUtcNow().UtcDateTime;
        entry.CompletionNote = Truncate(note.Trim(), 4000);
        await db.SaveOrConflictAsync("Bu evrak", ct);
    }

    /// <summary>Adds a scan (e.g. the signed copy of an outgoing letter) to an entry.</summary>
    public async Task AddAttachmentAsync(int id, UploadedFile file, CancellationToken ct = default)
    {
        RegisterAccess.DemandRegister(User);
        if (AttachmentRules.Check(file) is { } error) throw new ValidationException(error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RegisterEntries.AnyAsync(e => e.Id == id, ct)) throw new ValidationException("Evrak bulunamadı.");
        if (await db.RegisterAttachments.CountAsync(a => a.EntryId == id, ct) >= AttachmentRules.MaxFiles)
            throw new ValidationException($"Bir evraka en fazla {AttachmentRules.MaxFiles} dosya eklenebilir.");
        db.RegisterAttachments.Add(new RegisterAttachment
        {
            EntryId = id, FileName = Path.GetFileName(file.FileName), ContentType = AttachmentRules.KindOf(file.Content)!, Size = file.Content.Length,
            Content = file.Content, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Name,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds or edits a letter template; a stray brace (a placeholder typed wrong) is refused so it never prints.</summary>
    public async Task<int> SaveTemplateAsync(TemplateForm form, CancellationToken ct = default)
    {
        RegisterAccess.DemandRegister(User);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length < 3) errors[nameof(form.Name)] = "Şablonun adını yazın.";
        if (string.IsNullOrWhiteSpace(form.Subject)) errors[nameof(form.Subject)] = "Yazının konusunu yazın.";
        if (string.IsNullOrWhiteSpace(form.Body) || form.Body.Trim().Length < 20) errors[nameof(form.Body)] = "Yazının metnini en az 20 karakter olarak yazın.";
        foreach (var (field, text) in new[] { (nameof(form.Subject), form.Subject), (nameof(form.Body), form.Body) })
            if (text is not null && LetterTemplates.HasStrayBrace(text))
                errors.TryAdd(field, "Yer tutucular boşluksuz ve kapalı yazılır, ör. {AdSoyad}; açık kalan ya da boşluk içeren bir süslü parantez var.");
        if (errors.Count > 0) throw ValidationException.For(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = form.Name!.Trim();
        if (await db.LetterTemplates.AnyAsync(t => t.Name == name && t.Id != form.Id, ct))
            throw ValidationException.For(new Dictionary<string, string> { [nameof(form.Name)] = $"\"{name}\" adında bir şablon zaten var." });
        var template = form.Id is { } id
            ? await db.LetterTemplates.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new ValidationException("Şablon bulunamadı.")
            : db.LetterTemplates.Add(new LetterTemplate { Name = "", Subject = "", Body = "" }).Entity;
        if (form.Id is not null) db.Entry(template).Property(t => t.Version).OriginalValue = form.Version;
        template.Name = name;
        template.Kind = form.Kind;
        template.Subject = Truncate(form.Subject!.Trim(), 300);
        template.Body = Truncate(form.Body!.Trim(), 8000);
        template.IsActive = form.IsActive;
        await db.SaveOrConflictAsync("Bu şablon", ct);
        return template.Id;
    }

    private RegisterEntry NewEntry(RegisterDirection direction, DateTime now, DateOnly date, PartyKind kind, string party, string? address,
        int? muhtarId, string subject, int? requestId) => new()
    {
        Direction = direction, Number = "", DocumentDate = date, RegisteredAt = now, RegisteredOn = IstanbulTime.Today(now),
        PartyKind = kind, PartyName = Truncate(party, 200), PartyAddress = Edits.Clean(address), MuhtarId = muhtarId,
        Subject = Truncate(subject, 300), RequestId = requestId, CreatedBy = User.Name,
    };

    private static async Task SaveNumberedAsync(IntranetDbContext db, RegisterEntry entry, Action<string> fill, CancellationToken ct)
    {
        var year = IstanbulTime.ToLocal(entry.RegisteredAt).Year;
        var direction = entry.Direction;
        await YearlySequence.SaveNextAsync(db, $"register:{direction}:{year}",
            db.RegisterEntries.Where(e => e.Direction == direction && e.Year == year).Select(e => e.Sequence), sequence =>
            {
                entry.Year = year;
                entry.Sequence = sequence;
                entry.Number = RegisterText.Format(direction, year, sequence);
                fill(entry.Number);
                entry.SearchKey = SearchKeyOf(entry);
                db.RegisterEntries.Add(entry);
            }, ct);
    }

    /// <summary>The sender or recipient: a muhtar from the registry, or a name typed in; missing → a Turkish message.</summary>
    private static async Task<(string Name, int? MuhtarId)> PartyAsync(IntranetDbContext db, PartyKind kind, string? name, int? muhtarId, string role,
        Dictionary<string, string> errors, CancellationToken ct)
    {
        if (kind == PartyKind.Muhtar)
        {
            var muhtar = muhtarId is { } id ? await db.Muhtars.AsNoTracking().Include(m => m.Neighbourhood).SingleOrDefaultAsync(m => m.Id == id, ct) : null;
            if (muhtar is null)
            {
                errors[nameof(IncomingForm.MuhtarId)] = $"{role} muhtarı listeden seçin.";
                return ("", null);
            }
            return (string.IsNullOrWhiteSpace(name) ? $"{muhtar.FullName} ({muhtar.Neighbourhood!.Name} Mahallesi Muhtarı)" : name.Trim(), muhtar.Id);
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length < 3)
            errors[nameof(IncomingForm.PartyName)] = $"{role} bilgisi eksik: kurumun ya da kişinin adını yazın.";
        return (name?.Trim() ?? "", null);
    }

    private static async Task<int?> RequestIdAsync(IntranetDbContext db, string? number, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var normalized = RequestNumber.Normalize(number);
        var id = await db.Requests.Where(r => r.Number == normalized).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null) errors[nameof(IncomingForm.RequestNumber)] = $"{number.Trim()} numaralı başvuru bulunamadı.";
        return id;
    }

    internal static string SearchKeyOf(RegisterEntry e) =>
        Truncate(TurkishText.Fold($"{e.Number} {e.ExternalNumber} {e.PartyName} {e.Subject}"), 600);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
