using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Core.Calendar;

/// <summary>
/// The working calendar built from the holiday table, shared by every circuit and job (a singleton). It is rebuilt
/// on first use after <see cref="Invalidate"/>, which the holiday editor calls when Admin saves a change.
/// </summary>
public sealed class WorkingCalendarProvider(Func<CancellationToken, Task<List<PublicHoliday>>> loadHolidays)
{
    /// <summary>Loads the table through a short-lived scope, since the context factory is scoped and this is not.</summary>
    public static WorkingCalendarProvider FromDatabase(IServiceScopeFactory scopes) => new(async ct =>
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync(ct);
        return await db.PublicHolidays.AsNoTracking().ToListAsync(ct);
    });

    private WorkingCalendar? _calendar;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _calendar) is { } ready) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (_calendar is not null) return _calendar;
            var holidays = await loadHolidays(ct);
            var calendar = new WorkingCalendar(holidays);
            Volatile.Write(ref _calendar, calendar);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _calendar, null);
}

/// <summary>Reference data every installation needs, demo or not: the shipped holiday table.</summary>
public static class HolidayReferenceData
{
    /// <summary>Adds the shipped holidays of any year that has none yet; years Admin already maintains are left alone.</summary>
    public static async Task EnsureAsync(IntranetDbContext db, CancellationToken ct = default)
    {
        var years = (await db.PublicHolidays.Select(h => h.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
        var missing = TurkishHolidays.Shipped().Where(h => !years.Contains(h.Date.Year)).ToList();
        if (missing.Count == 0) return;
        db.PublicHolidays.AddRange(missing);
        await db.SaveChangesAsync(ct);
    }
}
