using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

public sealed record ProgrammeItem(DateTime StartsAt, DateTime EndsAt, bool AllDay, string Title, EventType Type, string? Directorate,
    string? Place, bool MayorAttends)
{
    public DateOnly Day => IstanbulTime.Today(StartsAt);

    /// <summary>"10:00–12:00" in 24-hour Istanbul time, or "Tüm gün".</summary>
    public string Hours => AllDay ? "Tüm gün" : $"{IstanbulTime.ToLocal(StartsAt):HH\\:mm}–{IstanbulTime.ToLocal(EndsAt):HH\\:mm}";
}

/// <summary>The aylık etkinlik programı: every directorate's public events of one month, day by day.</summary>
public sealed record MonthlyProgramme(int Year, int Month, IReadOnlyList<ProgrammeItem> Items)
{
    public const string Organisation = "Kağıthane Belediyesi";

    public string Title => $"{new DateTime(Year, Month, 1).ToString("MMMM yyyy", TurkishText.Culture)} Etkinlik Programı";

    public string FileName => $"etkinlik-programi-{Year:0000}-{Month:00}.docx";
}

/// <summary>Compiles the monthly programme from the calendar. Only public events: the programme is handed out and published.</summary>
public sealed class MonthlyProgrammeService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<MonthlyProgramme> GetAsync(int year, int month, CancellationToken ct = default)
    {
        if (!CalendarPermissions.CanRead(currentUser.User)) throw new AccessDeniedException();
        if (year is < 2000 or > 2100 || month is < 1 or > 12) throw new ValidationException("Geçerli bir ay seçin.");
        var from = IstanbulTime.ToUtc(new DateTime(year, month, 1));
        var to = IstanbulTime.ToUtc(new DateTime(year, month, 1).AddMonths(1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var occurrences = await CalendarQueries.LoadAsync(db, db.CalendarEvents.Where(e => e.IsPublic), from, to, currentUser.User, ct);
        // An event that began last month and runs into this one is listed on this month's first day.
        return new MonthlyProgramme(year, month, occurrences
            .Select(o => new ProgrammeItem(o.StartsAt < from ? from : o.StartsAt, o.EndsAt, o.AllDay, o.Title, o.Type, o.Directorate, o.Place, o.MayorAttends))
            .ToList());
    }
}
