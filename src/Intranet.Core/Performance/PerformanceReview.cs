using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

/// <summary>What the review's pickers offer this user: every directorate with indicators, or only their own.</summary>
public sealed record ReviewScopeChoice(bool SeesAll, int? OwnDirectorateId, IReadOnlyList<Directorate> Directorates, IReadOnlyList<PlanSummary> Plans);

/// <summary>
/// The Performans review: the year of the municipality or of one directorate, rolled up goal by goal, with the trend.
/// Admin, the mayor's office and Strateji Geliştirme pick any scope; directors and staff get their own directorate.
/// The wall screen reads the municipality's headline from approved values only.
/// </summary>
public sealed class PerformanceReview(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, PerformanceLive live, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<ReviewScopeChoice> ScopeAsync(CancellationToken ct = default)
    {
        if (!PerformancePermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seesAll = PerformancePermissions.SeesAll(User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct));
        var owners = db.PerformanceIndicators.Select(i => i.DirectorateId);
        var directorates = await db.Directorates.AsNoTracking()
            .Where(d => owners.Contains(d.Id) && (seesAll || d.Id == User.DirectorateId)).ToListAsync(ct);
        return new ReviewScopeChoice(seesAll, User.DirectorateId, directorates.OrderBy(d => d.Name, TurkishText.Comparer).ToList(), await PlansAsync(db, ct));
    }

    /// <summary>The year's review; <paramref name="directorateId"/> null is the whole municipality (for those who see all).</summary>
    public async Task<PerformanceReviewResult?> LoadAsync(int year, int? directorateId, CancellationToken ct = default)
    {
        if (!PerformancePermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!PerformancePermissions.SeesAll(User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct)))
            directorateId = User.DirectorateId ?? throw new AccessDeniedException("Hesabınıza bir müdürlük atanmamış; performans göstergelerini göremezsiniz.");
        return await BuildAsync(db, year, directorateId, approvedOnly: false, ct);
    }

    /// <summary>The wall screen's headline: the whole municipality, approved values only.</summary>
    public async Task<PerformanceReviewResult?> HeadlineAsync(int year, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Wall, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BuildAsync(db, year, null, approvedOnly: true, ct);
    }

    /// <summary>An indicator's every year of the plan, its history and its evidence: the review's drill-down.</summary>
    public async Task<IndicatorHistory?> HistoryAsync(int indicatorId, CancellationToken ct = default)
    {
        if (!PerformancePermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicator = await db.PerformanceIndicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null) return null;
        if (!PerformancePermissions.CanSee(User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct), indicator.DirectorateId))
            throw new AccessDeniedException("Bu göstergeyi görme yetkiniz yok.");
        var planId = await db.StrategicObjectives.Where(o => o.Id == indicator.ObjectiveId)
            .Join(db.StrategicGoals, o => o.GoalId, g => g.Id, (o, g) => g.PlanId).SingleAsync(ct);
        var context = await ContextAsync(db, planId, approvedOnly: false, ct);
        var loaded = context!.Plan.Goals.SelectMany(g => g.Objectives.Select(o => (Goal: g, Objective: o)))
            .SelectMany(x => x.Objective.Indicators.Select(i => (x.Goal, x.Objective, Indicator: i))).Single(x => x.Indicator.Id == indicatorId);
        var nowYear = IstanbulTime.ToLocal(context.Now).Year;
        var years = Enumerable.Range(context.Plan.StartYear, context.Plan.EndYear - context.Plan.StartYear + 1)
            .Select(y => new IndicatorYear(y, ReviewBuilder.Indicator(context, loaded.Indicator, y))).ToList();
        var actualIds = loaded.Indicator.Actuals.ToDictionary(a => a.Id);
        var ids = actualIds.Keys.ToList();
        var logs = await db.IndicatorActualLogs.AsNoTracking().Where(l => ids.Contains(l.ActualId)).OrderByDescending(l => l.At).ThenByDescending(l => l.Id).ToListAsync(ct);
        var evidence = await db.IndicatorEvidence.AsNoTracking().Where(e => ids.Contains(e.ActualId)).OrderBy(e => e.UploadedAt)
            .Select(e => new { e.Id, e.ActualId, e.FileName, e.Size, e.UploadedAt, e.UploadedBy }).ToListAsync(ct);
        var type = loaded.Indicator.PeriodType;
        string PeriodOf(int actualId) => $"{actualIds[actualId].Year} {PerformancePeriods.Label(type, actualIds[actualId].Period)}";
        return new IndicatorHistory(loaded.Indicator, loaded.Goal.Code + " " + loaded.Goal.Title, loaded.Objective.Code + " " + loaded.Objective.Title,
            context.Directorates.GetValueOrDefault(indicator.DirectorateId, ""), context.Plan.GreenFrom, context.Plan.AmberFrom, nowYear, years,
            logs.Select(l => new HistoryLine(l.At, PeriodOf(l.ActualId), l.UserName, l.Action, l.Value, l.Note)).ToList(),
            evidence.Select(e => new EvidenceLine(e.Id, PeriodOf(e.ActualId), e.FileName, e.Size, e.UploadedAt, e.UploadedBy)).ToList());
    }

    internal async Task<PerformanceReviewResult?> BuildAsync(IntranetDbContext db, int year, int? directorateId, bool approvedOnly, CancellationToken ct)
    {
        var planId = await db.StrategicPlans.AsNoTracking().Where(p => p.StartYear <= year && p.EndYear >= year)
            .OrderByDescending(p => p.StartYear).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null) return null;
        var context = await ContextAsync(db, planId.Value, approvedOnly, ct);
        var scopeName = directorateId is { } d ? context!.Directorates.GetValueOrDefault(d, "") : "Belediye geneli";
        return ReviewBuilder.Build(context!, year, directorateId, scopeName);
    }

    /// <summary>The plan that covers the year, loaded for building rows; null when no plan covers it.</summary>
    internal async Task<ReviewContext?> ContextForYearAsync(IntranetDbContext db, int year, CancellationToken ct)
    {
        var planId = await db.StrategicPlans.AsNoTracking().Where(p => p.StartYear <= year && p.EndYear >= year)
            .OrderByDescending(p => p.StartYear).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return planId is null ? null : await ContextAsync(db, planId.Value, approvedOnly: false, ct);
    }

    /// <summary>Loads the whole plan (a few hundred rows) and the computed values its started periods need, from the shared cache.</summary>
    private async Task<ReviewContext?> ContextAsync(IntranetDbContext db, int planId, bool approvedOnly, CancellationToken ct)
    {
        var plan = await db.StrategicPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Goals).ThenInclude(g => g.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Goals).ThenInclude(g => g.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Actuals)
            .SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var evidence = await db.IndicatorEvidence.AsNoTracking().GroupBy(e => e.ActualId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var computed = new Dictionary<ComputedKey, double?>();
        if (!approvedOnly)
        {
            foreach (var indicator in plan.Goals.SelectMany(g => g.Objectives).SelectMany(o => o.Indicators).Where(i => i.Computed != ComputedKind.None))
                for (var year = plan.StartYear; year <= plan.EndYear; year++)
                    for (var p = 1; p <= PerformancePeriods.PerYear(indicator.PeriodType); p++)
                    {
                        if (!PerformancePeriods.HasStarted(year, indicator.PeriodType, p, now)) break;
                        var key = ComputedKey.For(indicator, year, p);
                        if (!computed.ContainsKey(key)) computed[key] = await live.GetAsync(key, ct);
                    }
        }
        return new ReviewContext(plan, now, approvedOnly, key => computed.GetValueOrDefault(key), directorates, evidence);
    }

    private static async Task<IReadOnlyList<PlanSummary>> PlansAsync(IntranetDbContext db, CancellationToken ct) =>
        await db.StrategicPlans.AsNoTracking().OrderBy(p => p.StartYear).Select(p => new PlanSummary(p.Id, p.Name, p.StartYear, p.EndYear)).ToListAsync(ct);
}

public sealed record IndicatorYear(int Year, IndicatorRow Row);

public sealed record HistoryLine(DateTime At, string Period, string UserName, ActualLogAction Action, double? Value, string? Note);

public sealed record EvidenceLine(int Id, string Period, string FileName, long Size, DateTime UploadedAt, string UploadedBy);

/// <summary>The drill-down: the indicator, each year of the plan, every step taken and every document attached.</summary>
public sealed record IndicatorHistory(
    PerformanceIndicator Indicator,
    string Goal,
    string Objective,
    string Directorate,
    double GreenFrom,
    double AmberFrom,
    int CurrentYear,
    IReadOnlyList<IndicatorYear> Years,
    IReadOnlyList<HistoryLine> Lines,
    IReadOnlyList<EvidenceLine> Evidence);
