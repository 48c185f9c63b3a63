using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Callbacks;

/// <summary>
/// One line of the satisfaction breakdown. <see cref="Reached"/> counts completed callbacks (the citizen answered);
/// the satisfaction rate is the share of them scoring 4 or 5, the solved share those who said it was solved.
/// </summary>
public sealed record SatisfactionRow(int? Key, string Name, int Reached, int SaidSolved, int Satisfied, double? AverageScore)
{
    public double? SatisfactionRate => Reached == 0 ? null : (double)Satisfied / Reached;
    public double? SolvedRate => Reached == 0 ? null : (double)SaidSolved / Reached;
}

public sealed record SatisfactionResult(StatisticsDimension Dimension, IReadOnlyList<SatisfactionRow> Rows, SatisfactionRow Total);

/// <summary>Satisfaction per directorate, category or neighbourhood, over the statistics page's filter and the user's scope.</summary>
public sealed class SatisfactionStatistics(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Scores from this up count as satisfied (4 "memnun", 5 "çok memnun").</summary>
    public const int SatisfiedFrom = 4;

    public static readonly StatisticsDimension[] Dimensions = [StatisticsDimension.Directorate, StatisticsDimension.Category, StatisticsDimension.Neighbourhood];

    public async Task<SatisfactionResult> GetAsync(RequestFilter filter, StatisticsDimension dimension, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Policies.Allows(Policies.Requests, user)) throw new AccessDeniedException();
        if (!Dimensions.Contains(dimension)) throw new ArgumentOutOfRangeException(nameof(dimension));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = RequestQueries.Apply(db, db.Requests.AsNoTracking().VisibleTo(user), filter, clock.GetUtcNow().UtcDateTime);
        var done = db.SatisfactionCallbacks.AsNoTracking().Where(c => c.Status == CallbackStatus.Tamamlandi && c.Score != null)
            .Join(requests, c => c.RequestId, r => r.Id, (c, r) => new { c.Score, c.Solved, r.DirectorateId, r.CategoryId, r.NeighbourhoodId });
        var keyed = dimension switch
        {
            StatisticsDimension.Directorate => done.Select(x => new { Key = x.DirectorateId, x.Score, x.Solved }),
            StatisticsDimension.Category => done.Select(x => new { Key = (int?)x.CategoryId, x.Score, x.Solved }),
            _ => done.Select(x => new { Key = (int?)x.NeighbourhoodId, x.Score, x.Solved }),
        };
        var cells = await keyed.GroupBy(x => x.Key).Select(g => new
        {
            g.Key,
            Reached = g.Count(),
            Solved = g.Count(x => x.Solved == true),
            Satisfied = g.Count(x => x.Score >= SatisfiedFrom),
            ScoreSum = g.Sum(x => x.Score!.Value),
        }).ToListAsync(ct);
        var names = await RequestStatistics.NamesAsync(db, dimension, cells.Where(c => c.Key != null).Select(c => c.Key!.Value).ToList(), ct);
        var rows = cells.Select(c => new SatisfactionRow(c.Key, c.Key is { } k ? names.GetValueOrDefault(k, $"#{k}") : "Havale edilmemiş",
                c.Reached, c.Solved, c.Satisfied, (double)c.ScoreSum / c.Reached))
            .OrderByDescending(r => r.Reached).ThenBy(r => r.Name, TurkishText.Comparer).ToList();
        var reached = cells.Sum(c => c.Reached);
        var total = new SatisfactionRow(null, "Toplam", reached, cells.Sum(c => c.Solved), cells.Sum(c => c.Satisfied),
            reached == 0 ? null : (double)cells.Sum(c => c.ScoreSum) / reached);
        return new SatisfactionResult(dimension, rows, total);
    }
}
