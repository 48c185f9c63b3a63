using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.SisterCities;

public sealed class SisterCityForm
{
    public int? Id { get; set; }
    public string? Country { get; set; } = "Türkiye";
    public string? City { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; }
}

public sealed record StepForm(SisterCityStep Step, DateOnly? Date, string? DocumentReference, string? RegisterNumber, string? Notes);

/// <summary>A city in the list with the stage of its process: the furthest step taken.</summary>
public sealed record SisterCityRow(int Id, string Country, string City, bool IsAbroad, SisterCityStep? Stage, DateOnly? StageDate,
    SisterCityStep? NextStep, int Activities);

/// <summary>
/// Sister cities (kardeş şehir) and their process: identified → for a city abroad, the Ministry's permission asked
/// and received → official correspondence → referred to the council → commission report → council decision →
/// protocol signed → archived. Steps are taken in that order, each dated no earlier than the one before; joint
/// activities are recorded once the protocol is signed. Özel Kalem and Admin only.
/// </summary>
public sealed class SisterCityService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private const string Turkey = "Türkiye";

    private void Demand()
    {
        if (!Policies.Allows(Policies.SisterCities, currentUser.User)) throw new AccessDeniedException("Kardeş şehir işlemlerini Özel Kalem yürütür.");
    }

    public async Task<IReadOnlyList<SisterCityRow>> ListAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cities = await db.SisterCities.AsNoTracking().Include(c => c.Steps).Include(c => c.Activities).ToListAsync(ct);
        return cities.Select(c =>
            {
                var stage = c.Steps.OrderByDescending(s => s.Step).FirstOrDefault();
                return new SisterCityRow(c.Id, c.Country, c.City, c.IsAbroad, stage?.Step, stage?.Date, NextStep(c), c.Activities.Count);
            })
            .OrderBy(r => r.Country, TurkishText.Comparer).ThenBy(r => r.City, TurkishText.Comparer).ToList();
    }

    public async Task<SisterCity?> GetAsync(int id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var city = await db.SisterCities.AsNoTracking().Include(c => c.Steps).Include(c => c.Activities).SingleOrDefaultAsync(c => c.Id == id, ct);
        city?.Steps.Sort((a, b) => a.Step.CompareTo(b.Step));
        city?.Activities.Sort((a, b) => b.Date.CompareTo(a.Date));
        return city;
    }

    /// <summary>The register number of a step's letter, for the page.</summary>
    public async Task<IReadOnlyDictionary<int, string>> RegisterNumbersAsync(IEnumerable<int> entryIds, CancellationToken ct = default)
    {
        Demand();
        var ids = entryIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RegisterEntries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Number, ct);
    }

    public async Task<int> SaveAsync(SisterCityForm form, CancellationToken ct = default)
    {
        Demand();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Country)) errors[nameof(form.Country)] = "Ülkeyi yazın.";
        if (string.IsNullOrWhiteSpace(form.City)) errors[nameof(form.City)] = "Şehrin adını yazın.";
        if (!string.IsNullOrWhiteSpace(form.ContactEmail) && !EmailAddress.IsValid(form.ContactEmail)) errors[nameof(form.ContactEmail)] = "E-posta adresi geçersiz.";
        if (errors.Count > 0) throw ValidationException.For(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var country = form.Country!.Trim();
        var city = form.City!.Trim();
        if (await db.SisterCities.AnyAsync(c => c.Country == country && c.City == city && c.Id != form.Id, ct))
            throw new ValidationException($"{city} ({country}) zaten listede.");
        var entity = form.Id is { } id
            ? await db.SisterCities.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new ValidationException("Şehir bulunamadı.")
            : db.SisterCities.Add(new SisterCity { Country = "", City = "" }).Entity;
        var abroad = !string.Equals(TurkishText.Fold(country), TurkishText.Fold(Turkey), StringComparison.Ordinal);
        if (form.Id is not null)
        {
            db.Entry(entity).Property(c => c.Version).OriginalValue = form.Version;
            if (!abroad && entity.Steps.Any(s => s.Step is SisterCityStep.BakanlikIzniIstendi or SisterCityStep.BakanlikIzniAlindi))
                throw new ValidationException("Bakanlık izni adımları kayıtlı bir şehir yurt içi yapılamaz.");
        }
        entity.Country = country;
        entity.City = city;
        entity.IsAbroad = abroad;
        entity.ContactName = Edits.Clean(form.ContactName);
        entity.ContactEmail = Edits.Clean(form.ContactEmail);
        entity.ContactPhone = Edits.Clean(form.ContactPhone);
        entity.Notes = Edits.Clean(form.Notes);
        await db.SaveOrConflictAsync("Bu şehir", ct);
        return entity.Id;
    }

    /// <summary>Records the next step of the process (or corrects a recorded one).</summary>
    public async Task RecordStepAsync(int cityId, StepForm form, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var city = await db.SisterCities.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == cityId, ct) ?? throw new ValidationException("Şehir bulunamadı.");
        var applicable = SisterCityText.StepsFor(city.IsAbroad);
        if (!applicable.Contains(form.Step)) throw new ValidationException("Bakanlık izni yalnızca yurt dışındaki şehirler için istenir.");
        if (form.Date is not { } date) throw new ValidationException("Adımın tarihini girin.");
        if (date > IstanbulTime.Today(clock.GetUtcNow().UtcDateTime)) throw new ValidationException("Adımın tarihi ileri bir tarih olamaz.");
        var earlier = applicable.TakeWhile(s => s != form.Step).ToList();
        var missing = earlier.Where(s => city.Steps.All(x => x.Step != s)).ToList();
        if (missing.Count > 0) throw new ValidationException($"Önce şu adım kaydedilmeli: {missing[0].Name()}.");
        var previous = city.Steps.Where(s => earlier.Contains(s.Step)).OrderByDescending(s => s.Step).FirstOrDefault();
        if (previous is not null && date < previous.Date)
            throw new ValidationException($"Bu adımın tarihi önceki adımın ({previous.Step.Name()}, {previous.Date.ToString("dd.MM.yyyy", TurkishText.Culture)}) tarihinden önce olamaz.");
        int? entryId = null;
        if (!string.IsNullOrWhiteSpace(form.RegisterNumber))
        {
            var number = form.RegisterNumber.Trim().ToUpperInvariant();
            entryId = await db.RegisterEntries.Where(e => e.Number == number).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
                ?? throw new ValidationException($"{form.RegisterNumber.Trim()} sayılı evrak kayıt defterinde bulunamadı.");
        }
        var record = city.Steps.SingleOrDefault(s => s.Step == form.Step);
        if (record is null) city.Steps.Add(record = new SisterCityStepRecord { Step = form.Step });
        record.Date = date;
        record.DocumentReference = Edits.Clean(form.DocumentReference);
        record.RegisterEntryId = entryId;
        record.Notes = Edits.Clean(form.Notes);
        await db.SaveOrConflictAsync("Bu şehir", ct);
    }

    /// <summary>Records a joint activity; only a partner (protocol signed) has them.</summary>
    public async Task AddActivityAsync(int cityId, DateOnly? date, string? title, string? description, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var city = await db.SisterCities.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == cityId, ct) ?? throw new ValidationException("Şehir bulunamadı.");
        var protocol = city.Steps.SingleOrDefault(s => s.Step == SisterCityStep.ProtokolImzalandi);
        if (protocol is null) throw new ValidationException("Ortak etkinlikler kardeşlik protokolü imzalandıktan sonra kaydedilir.");
        if (string.IsNullOrWhiteSpace(title)) throw new ValidationException("Etkinliğin adını yazın.");
        if (date is null) throw new ValidationException("Etkinliğin tarihini girin.");
        if (date < protocol.Date) throw new ValidationException("Ortak etkinlik protokol tarihinden önce olamaz.");
        db.SisterCityActivities.Add(new SisterCityActivity { SisterCityId = cityId, Date = date.Value, Title = title.Trim(), Description = Edits.Clean(description) });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The next step to take, or null when the process is complete.</summary>
    public static SisterCityStep? NextStep(SisterCity city) =>
        SisterCityText.StepsFor(city.IsAbroad).Select(s => (SisterCityStep?)s).FirstOrDefault(s => city.Steps.All(x => x.Step != s));
}
