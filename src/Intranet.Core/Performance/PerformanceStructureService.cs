using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

/// <summary>
/// Maintains the programme's structure: plan periods, goals, objectives, indicators and their yearly targets. Only
/// Admin and Strateji Geliştirme (staff and director) may; every save checks the version the editor saw.
/// </summary>
public sealed class PerformanceStructureService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, IChangeFeed changes)
{
    private UserContext User => currentUser.User;

    public async Task<bool> CanEditAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return PerformancePermissions.CanEditStructure(User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct));
    }

    /// <summary>A plan with its whole tree, for the structure page and the export.</summary>
    public async Task<StrategicPlan?> TreeAsync(int planId, CancellationToken ct = default)
    {
        if (!PerformancePermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.StrategicPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Goals).ThenInclude(g => g.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Targets)
            .SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return null;
        plan.Goals = plan.Goals.OrderBy(g => g.Code, CodeComparer.Instance).ToList();
        foreach (var goal in plan.Goals)
        {
            goal.Objectives = goal.Objectives.OrderBy(o => o.Code, CodeComparer.Instance).ToList();
            foreach (var objective in goal.Objectives)
            {
                objective.Indicators = objective.Indicators.OrderBy(i => i.Code, CodeComparer.Instance).ToList();
                foreach (var indicator in objective.Indicators) indicator.Targets = indicator.Targets.OrderBy(t => t.Year).ToList();
            }
        }
        return plan;
    }

    public async Task<int> SavePlanAsync(PlanForm form, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        Throw(StructureRules.Validate(form));
        var overlapping = await db.StrategicPlans.AnyAsync(p => p.Id != form.Id && p.StartYear <= form.EndYear && p.EndYear >= form.StartYear, ct);
        if (overlapping) throw new ValidationException("Bu yıllar başka bir plan dönemiyle çakışıyor; bir yıl yalnızca bir plana ait olabilir.");
        var plan = form.Id is { } id ? await Existing(db.StrategicPlans, id, form.Version, ct) : db.StrategicPlans.Add(new StrategicPlan { Name = "" }).Entity;
        if (form.Id is not null)
        {
            var outside = await db.IndicatorTargets.Where(t => t.Year < form.StartYear || t.Year > form.EndYear)
                .Join(db.PerformanceIndicators, t => t.IndicatorId, i => i.Id, (t, i) => i.ObjectiveId)
                .Join(db.StrategicObjectives, o => o, o => o.Id, (o, x) => x.GoalId)
                .Join(db.StrategicGoals, g => g, g => g.Id, (g, x) => x.PlanId).AnyAsync(p => p == plan.Id, ct);
            if (outside) throw new ValidationException("Yeni yılların dışında kalan hedefler var; önce o hedefleri silin.");
        }
        plan.Name = form.Name!.Trim();
        plan.StartYear = form.StartYear;
        plan.EndYear = form.EndYear;
        plan.GreenFrom = form.GreenFrom;
        plan.AmberFrom = form.AmberFrom;
        plan.ExplanationThreshold = form.ExplanationThreshold;
        await SaveAsync(db, ct);
        return plan.Id;
    }

    public async Task<int> SaveGoalAsync(NodeForm form, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        Throw(StructureRules.Validate(form));
        var code = form.Code!.Trim();
        if (!await db.StrategicPlans.AnyAsync(p => p.Id == form.ParentId, ct)) throw new ValidationException("Plan dönemi bulunamadı.");
        if (await db.StrategicGoals.AnyAsync(g => g.PlanId == form.ParentId && g.Code == code && g.Id != form.Id, ct))
            throw Field(nameof(form.Code), $"Bu planda {code} kodlu bir amaç zaten var.");
        var goal = form.Id is { } id ? await Existing(db.StrategicGoals, id, form.Version, ct) : db.StrategicGoals.Add(new StrategicGoal { Code = "", Title = "" }).Entity;
        goal.PlanId = form.ParentId;
        goal.Code = code;
        goal.Title = form.Title!.Trim();
        goal.Weight = form.Weight;
        await SaveAsync(db, ct);
        return goal.Id;
    }

    public async Task<int> SaveObjectiveAsync(NodeForm form, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        Throw(StructureRules.Validate(form));
        var code = form.Code!.Trim();
        var planId = await db.StrategicGoals.Where(g => g.Id == form.ParentId).Select(g => (int?)g.PlanId).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("Amaç bulunamadı.");
        if (await db.StrategicObjectives.AnyAsync(o => o.Code == code && o.Id != form.Id && db.StrategicGoals.Any(g => g.Id == o.GoalId && g.PlanId == planId), ct))
            throw Field(nameof(form.Code), $"Bu planda {code} kodlu bir hedef zaten var.");
        var objective = form.Id is { } id ? await Existing(db.StrategicObjectives, id, form.Version, ct)
            : db.StrategicObjectives.Add(new StrategicObjective { Code = "", Title = "" }).Entity;
        objective.GoalId = form.ParentId;
        objective.Code = code;
        objective.Title = form.Title!.Trim();
        objective.Weight = form.Weight;
        await SaveAsync(db, ct);
        return objective.Id;
    }

    public async Task<int> SaveIndicatorAsync(IndicatorForm form, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        var plan = await db.StrategicObjectives.Where(o => o.Id == form.ObjectiveId)
            .Join(db.StrategicGoals, o => o.GoalId, g => g.Id, (o, g) => g.PlanId)
            .Join(db.StrategicPlans, p => p, p => p.Id, (_, p) => p).SingleOrDefaultAsync(ct) ?? throw new ValidationException("Hedef bulunamadı.");
        Throw(StructureRules.Validate(form, plan.StartYear, plan.EndYear));
        var code = form.Code!.Trim();
        if (await db.PerformanceIndicators.AnyAsync(i => i.Code == code && i.Id != form.Id, ct))
            throw Field(nameof(form.Code), $"{code} kodlu bir gösterge zaten var; gösterge kodları tektir.");
        if (!await db.Directorates.AnyAsync(d => d.Id == form.DirectorateId, ct)) throw Field(nameof(form.DirectorateId), "Müdürlük bulunamadı.");
        var indicator = form.Id is { } id
            ? await Existing(db.PerformanceIndicators.Include(i => i.Targets), id, form.Version, ct)
            : db.PerformanceIndicators.Add(new PerformanceIndicator { Code = "", Name = "", Unit = "" }).Entity;
        Apply(indicator, form);
        await SaveAsync(db, ct);
        return indicator.Id;
    }

    public async Task DeleteGoalAsync(int id, Guid version, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        var goal = await Existing(db.StrategicGoals, id, version, ct);
        if (await db.StrategicObjectives.AnyAsync(o => o.GoalId == id, ct)) throw new ValidationException("Amacın altında hedefler var; önce onları silin.");
        db.StrategicGoals.Remove(goal);
        await SaveAsync(db, ct);
    }

    public async Task DeleteObjectiveAsync(int id, Guid version, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        var objective = await Existing(db.StrategicObjectives, id, version, ct);
        if (await db.PerformanceIndicators.AnyAsync(i => i.ObjectiveId == id, ct)) throw new ValidationException("Hedefin altında göstergeler var; önce onları silin.");
        db.StrategicObjectives.Remove(objective);
        await SaveAsync(db, ct);
    }

    public async Task DeleteIndicatorAsync(int id, Guid version, CancellationToken ct = default)
    {
        await using var db = await OpenForEditAsync(ct);
        var indicator = await Existing(db.PerformanceIndicators, id, version, ct);
        if (await db.IndicatorActuals.AnyAsync(a => a.IndicatorId == id, ct))
            throw new ValidationException("Bu göstergeye gerçekleşme girilmiş; geçmişi korumak için silinemez.");
        db.PerformanceIndicators.Remove(indicator);
        await SaveAsync(db, ct);
    }

    /// <summary>
    /// Copies the form onto the indicator; targets are matched by year. The edit form holds every year, so years it no
    /// longer has are removed; an import only adds and updates (<paramref name="removeMissingTargets"/> false).
    /// </summary>
    internal static void Apply(PerformanceIndicator indicator, IndicatorForm form, bool removeMissingTargets = true)
    {
        indicator.ObjectiveId = form.ObjectiveId;
        indicator.Code = form.Code!.Trim();
        indicator.Name = form.Name!.Trim();
        indicator.DirectorateId = form.DirectorateId!.Value;
        indicator.Unit = form.Unit!.Trim();
        indicator.Direction = form.Direction;
        indicator.Baseline = form.Baseline;
        indicator.PeriodType = form.PeriodType;
        indicator.Aggregation = form.Aggregation;
        indicator.Weight = form.Weight;
        indicator.DataSource = string.IsNullOrWhiteSpace(form.DataSource) ? null : form.DataSource.Trim();
        indicator.Formula = string.IsNullOrWhiteSpace(form.Formula) ? null : form.Formula.Trim();
        indicator.Computed = form.Computed;
        indicator.ComputeForMunicipality = form.Computed != ComputedKind.None && form.ComputeForMunicipality;
        if (removeMissingTargets) indicator.Targets.RemoveAll(t => form.Targets.All(f => f.Year != t.Year));
        foreach (var f in form.Targets)
        {
            var target = indicator.Targets.FirstOrDefault(t => t.Year == f.Year);
            if (target is null) indicator.Targets.Add(target = new IndicatorTarget { Year = f.Year });
            target.Target = f.Target!.Value;
            var band = form.Direction == IndicatorDirection.WithinBand;
            target.BandLow = band ? f.BandLow : null;
            target.BandHigh = band ? f.BandHigh : null;
        }
    }

    private async Task<IntranetDbContext> OpenForEditAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        if (!PerformancePermissions.CanEditStructure(User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct)))
        {
            await db.DisposeAsync();
            throw new AccessDeniedException("Performans programının yapısını yalnızca Strateji Geliştirme Müdürlüğü ve sistem yöneticisi değiştirebilir.");
        }
        return db;
    }

    private static async Task<T> Existing<T>(IQueryable<T> set, int id, Guid? version, CancellationToken ct) where T : class, IVersioned, IAudited
    {
        var entity = await set.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new ValidationException("Kayıt bulunamadı; başka biri silmiş olabilir.");
        if (version != entity.Version) throw Conflict();
        return entity;
    }

    private async Task SaveAsync(IntranetDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
        changes.Publish(ChangeTopic.Performance);
    }

    private static ConcurrencyConflictException Conflict() =>
        new("Bu kayıt siz çalışırken başka bir kullanıcı tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi, gerekirse tekrar uygulayın.");

    private static void Throw(Dictionary<string, string> errors)
    {
        if (errors.Count > 0) throw ValidationException.For(errors);
    }

    private static ValidationException Field(string field, string message) => ValidationException.For(new Dictionary<string, string> { [field] = message });
}
