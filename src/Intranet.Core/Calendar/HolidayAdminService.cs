using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

/// <summary>
/// Admin's upkeep of the holiday table: the bayram dates move every year and are announced by the government, so a
/// new year is generated from the fixed days plus the two first days Admin types. Each save rebuilds the calendar.
/// </summary>
public sealed class HolidayAdminService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, WorkingCalendarProvider calendars)
{
    public async Task<IReadOnlyList<PublicHoliday>> ListAsync(int year, CancellationToken ct = default)
    {
        Demand();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
    }

    public async Task AddAsync(DateOnly date, string name, bool isHalfDay, CancellationToken ct = default)
    {
        Demand();
        if (string.IsNullOrWhiteSpace(name)) throw new ValidationException("Tatilin adını yazın.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PublicHolidays.AnyAsync(h => h.Date == date, ct))
            throw new ValidationException($"{date:dd.MM.yyyy} zaten tatil listesinde.");
        db.PublicHolidays.Add(new PublicHoliday { Date = date, Name = name.Trim(), IsHalfDay = isHalfDay });
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.PublicHolidays.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (row is null) return;
        db.PublicHolidays.Remove(row);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
    }

    /// <summary>Fills a year that has no rows yet: the fixed national days plus the bayrams from their first days.</summary>
    public async Task<int> GenerateYearAsync(int year, DateOnly ramazanFirstDay, DateOnly kurbanFirstDay, CancellationToken ct = default)
    {
        Demand();
        if (ramazanFirstDay.Year != year || kurbanFirstDay.Year != year)
            throw new ValidationException($"Bayram tarihleri {year} yılı içinde olmalı.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (await db.PublicHolidays.AnyAsync(h => h.Date >= from && h.Date <= to, ct))
            throw new ValidationException($"{year} yılının tatilleri zaten girilmiş; tek tek ekleyip silebilirsiniz.");
        var rows = TurkishHolidays.Generate(year, ramazanFirstDay, kurbanFirstDay);
        db.PublicHolidays.AddRange(rows);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return rows.Count;
    }

    private void Demand()
    {
        if (!Policies.Allows(Policies.Admin, currentUser.User)) throw new AccessDeniedException();
    }
}
