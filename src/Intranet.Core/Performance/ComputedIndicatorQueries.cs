using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

/// <summary>One computed value: a kind over one directorate (null: the whole municipality) for one period.</summary>
public readonly record struct ComputedKey(ComputedKind Kind, int? DirectorateId, int Year, PeriodType PeriodType, int Period)
{
    public static ComputedKey For(PerformanceIndicator indicator, int year, int period) => new(
        indicator.Computed,
        // Clippings belong to no directorate: they are always the municipality's.
        indicator.ComputeForMunicipality || SourceOf(indicator.Computed) == ChangeTopic.Press ? null : indicator.DirectorateId,
        year, indicator.PeriodType, period);

    /// <summary>The records the value is computed from, so only their changes invalidate it.</summary>
    public ChangeTopic Source => SourceOf(Kind);

    public static ChangeTopic SourceOf(ComputedKind kind) => kind switch
    {
        ComputedKind.RequestsAnsweredInTime or ComputedKind.MedianResolutionDays => ChangeTopic.Requests,
        ComputedKind.NeighbourhoodVisits => ChangeTopic.Calendar,
        _ => ChangeTopic.Press,
    };
}

/// <summary>
/// The queries behind computed indicators. Each reads one period by a range on an indexed timestamp (ClosedAt,
/// ResolvedAt, StartsAt, PublishedAt), so a value costs one or two index range scans, never a pass over all records.
/// Shares and medians are null when the period has nothing to measure; counts are 0.
/// </summary>
public static class ComputedIndicatorQueries
{
    public static async Task<double?> ComputeAsync(IntranetDbContext db, ComputedKey key, CancellationToken ct)
    {
        var from = PerformancePeriods.StartUtc(key.Year, key.PeriodType, key.Period);
        var to = PerformancePeriods.EndUtc(key.Year, key.PeriodType, key.Period);
        var dir = key.DirectorateId;
        switch (key.Kind)
        {
            case ComputedKind.RequestsAnsweredInTime:
            {
                // Requests closed in the period after an answer to the citizen; on time = answered by the answer deadline.
                var closed = db.Requests.AsNoTracking().Where(r => r.ClosedAt >= from && r.ClosedAt < to && r.AnsweredAt != null);
                if (dir is not null) closed = closed.Where(r => r.DirectorateId == dir);
                var total = await closed.CountAsync(ct);
                if (total == 0) return null;
                var inTime = await closed.CountAsync(r => r.AnsweredAt <= r.AnswerDueAt, ct);
                return 100.0 * inTime / total;
            }
            case ComputedKind.MedianResolutionDays:
            {
                var resolved = db.Requests.AsNoTracking().Where(r => r.ResolvedAt >= from && r.ResolvedAt < to && r.ResolutionMinutes != null);
                if (dir is not null) resolved = resolved.Where(r => r.DirectorateId == dir);
                var count = await resolved.CountAsync(ct);
                if (count == 0) return null;
                // The middle one (odd count) or the mean of the middle two (even), read from the database, not the whole list.
                var middle = await resolved.OrderBy(r => r.ResolutionMinutes).Skip((count - 1) / 2).Take(count % 2 == 0 ? 2 : 1)
                    .Select(r => r.ResolutionMinutes!.Value).ToListAsync(ct);
                return middle.Average() / (24 * 60);
            }
            case ComputedKind.NeighbourhoodVisits:
            {
                // Recurring series are not expanded: a visit is a single, dated event.
                var visits = db.CalendarEvents.AsNoTracking().Where(e => e.Type == EventType.MahalleZiyareti && e.StartsAt >= from && e.StartsAt < to);
                if (dir is not null) visits = visits.Where(e => e.DirectorateId == dir);
                return await visits.CountAsync(ct);
            }
            case ComputedKind.PositiveClippingShare:
            {
                var clippings = db.PressClippings.AsNoTracking().Where(c => c.PublishedAt >= from && c.PublishedAt < to);
                var total = await clippings.CountAsync(ct);
                if (total == 0) return null;
                return 100.0 * await clippings.CountAsync(c => c.Tone == Tone.Olumlu, ct) / total;
            }
            case ComputedKind.NegativeClippings:
                return await db.PressClippings.AsNoTracking().CountAsync(c => c.PublishedAt >= from && c.PublishedAt < to && c.Tone == Tone.Olumsuz, ct);
            default:
                return null;
        }
    }
}
