using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

public sealed record AgendaItem(int Id, string Title, EventType Type, DateTime StartsAt, DateTime EndsAt, bool AllDay, string? Place,
    string? Directorate, bool MayorAttends, bool IsPublic);

/// <summary>The municipal calendar as an agenda. Internal events are shown to the owning directorate, the mayor's office and Admin.</summary>
public sealed class CalendarQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<AgendaItem>> AgendaAsync(DateTime fromUtc, DateTime toUtc, EventType? type, bool mayorOnly, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Policies.Allows(Policies.Calendar, user)) throw new AccessDeniedException();
        var seesInternal = user.SeesAllDirectorates;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.CalendarEvents.AsNoTracking().Where(e => e.StartsAt < toUtc && e.EndsAt >= fromUtc);
        if (!seesInternal) query = query.Where(e => e.IsPublic || e.DirectorateId == user.DirectorateId);
        if (type is { } t) query = query.Where(e => e.Type == t);
        if (mayorOnly) query = query.Where(e => e.MayorAttends);
        return await query.OrderBy(e => e.StartsAt)
            .Select(e => new AgendaItem(e.Id, e.Title, e.Type, e.StartsAt, e.EndsAt, e.AllDay, e.Place,
                db.Directorates.Where(d => d.Id == e.DirectorateId).Select(d => d.Name).FirstOrDefault(), e.MayorAttends, e.IsPublic))
            .ToListAsync(ct);
    }
}

public static class EventTypeText
{
    public static string Name(this EventType type) => type switch
    {
        EventType.Toren => "Tören",
        EventType.Acilis => "Açılış",
        EventType.MilliGun => "Millî gün",
        EventType.KulturelEtkinlik => "Kültürel etkinlik",
        EventType.MahalleZiyareti => "Mahalle ziyareti",
        EventType.MuhtarToplantisi => "Muhtar toplantısı",
        EventType.BasinToplantisi => "Basın toplantısı",
        EventType.BaskanRandevusu => "Başkan randevusu",
        EventType.Meclis => "Meclis",
        _ => type.ToString(),
    };
}
