using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

public sealed record ToneCounts(int Olumlu, int Notr, int Olumsuz)
{
    public int Total => Olumlu + Notr + Olumsuz;

    /// <summary>The tone's share in percent (0 when there is nothing).</summary>
    public double Share(Tone tone) => Total == 0 ? 0 : Math.Round(100.0 * (tone switch { Tone.Olumlu => Olumlu, Tone.Olumsuz => Olumsuz, _ => Notr }) / Total, 1);

    public ToneCounts Add(Tone tone, int n) => tone switch
    {
        Tone.Olumlu => this with { Olumlu = Olumlu + n },
        Tone.Olumsuz => this with { Olumsuz = Olumsuz + n },
        _ => this with { Notr = Notr + n },
    };
}

/// <summary>One bar of a time series: a day, or a week (Monday) when the period is long.</summary>
public sealed record PeriodCount(DateOnly Start, ToneCounts Counts);

public sealed record NamedCount(string Name, int Count, int Olumsuz);

/// <summary>The figures page: clippings per day and per source, tone share over time, top topics.</summary>
public sealed record PressFigures(DateOnly From, DateOnly To, ToneCounts Total, IReadOnlyList<PeriodCount> PerDay, bool Weekly,
    IReadOnlyList<PeriodCount> ToneOverTime, IReadOnlyList<NamedCount> PerSource, IReadOnlyList<NamedCount> TopTopics);

public sealed class PressStatistics(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 731;

    /// <summary>The filter's period, or the last 30 days; never longer than two years.</summary>
    public (DateOnly From, DateOnly To) PeriodOf(ClippingFilter filter)
    {
        var today = IstanbulTime.Today(clock.GetUtcNow().UtcDateTime);
        var to = filter.To ?? today;
        var from = filter.From ?? to.AddDays(-(DefaultDays - 1));
        if (from > to) (from, to) = (to, from);
        if (to.DayNumber - from.DayNumber >= MaxDays) from = to.AddDays(-(MaxDays - 1));
        return (from, to);
    }

    public async Task<PressFigures> ComputeAsync(ClippingFilter filter, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Press, currentUser.User)) throw new AccessDeniedException();
        var (from, to) = PeriodOf(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = PressQueries.Apply(db, filter with { From = from, To = to });

        var perDayTone = await query.GroupBy(c => new { c.PublishedOn, c.Tone })
            .Select(g => new { g.Key.PublishedOn, g.Key.Tone, Count = g.Count() }).ToListAsync(ct);
        var perSource = await query.GroupBy(c => new { c.SourceId, c.Tone })
            .Select(g => new { g.Key.SourceId, g.Key.Tone, Count = g.Count() }).ToListAsync(ct);
        var perTopic = await query.GroupBy(c => new { c.Topic, c.Tone })
            .Select(g => new { g.Key.Topic, g.Key.Tone, Count = g.Count() }).ToListAsync(ct);
        var names = await db.PressSources.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var days = new List<PeriodCount>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var counts = new ToneCounts(0, 0, 0);
            foreach (var row in perDayTone.Where(r => r.PublishedOn == d)) counts = counts.Add(row.Tone, row.Count);
            days.Add(new PeriodCount(d, counts));
        }
        // Over more than two months a day is too thin a slice for a share: weeks (Monday to Sunday) then.
        var weekly = to.DayNumber - from.DayNumber > 62;
        var toneOverTime = weekly
            ? days.GroupBy(d => d.Start.AddDays(-(((int)d.Start.DayOfWeek + 6) % 7)))
                .Select(g => new PeriodCount(g.Key, g.Aggregate(new ToneCounts(0, 0, 0), (a, p) => new ToneCounts(a.Olumlu + p.Counts.Olumlu, a.Notr + p.Counts.Notr, a.Olumsuz + p.Counts.Olumsuz))))
                .ToList()
            : days;

        static IReadOnlyList<NamedCount> Named<TKey>(IEnumerable<(TKey Key, Tone Tone, int Count)> rows, Func<TKey, string> name, int take) =>
            rows.GroupBy(r => name(r.Key))
                .Select(g => new NamedCount(g.Key, g.Sum(r => r.Count), g.Where(r => r.Tone == Tone.Olumsuz).Sum(r => r.Count)))
                .OrderByDescending(n => n.Count).ThenBy(n => n.Name, TurkishText.Comparer).Take(take).ToList();

        var total = days.Aggregate(new ToneCounts(0, 0, 0), (a, p) => new ToneCounts(a.Olumlu + p.Counts.Olumlu, a.Notr + p.Counts.Notr, a.Olumsuz + p.Counts.Olumsuz));
        return new PressFigures(from, to, total, days, weekly, toneOverTime,
            Named(perSource.Select(r => (r.SourceId, r.Tone, r.Count)), id => id is { } i && names.TryGetValue(i, out var n) ? n : "Kaynak belirtilmemiş", 20),
            Named(perTopic.Select(r => (r.Topic, r.Tone, r.Count)), t => string.IsNullOrWhiteSpace(t) ? PressDigest.NoTopic : t, 15));
    }
}
