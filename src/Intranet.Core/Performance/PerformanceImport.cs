using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using static Intranet.Core.Performance.StructureWorkbook;

namespace Intranet.Core.Performance;

public sealed record ImportResult(IReadOnlyList<ImportProblem> Problems, int Goals = 0, int Objectives = 0, int Indicators = 0, int Targets = 0)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// Imports a plan's structure from the xlsx layout of <see cref="StructureWorkbook"/>. Every row of both sheets is
/// checked first and every problem is reported with its sheet, row and column; only a file without a single problem
/// is written, in one transaction, so nothing is ever imported partly. Goals, objectives and indicators are matched
/// by code and added or updated; targets by indicator and year; nothing missing from the file is deleted.
/// </summary>
public sealed class PerformanceImport(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, IChangeFeed changes)
{
    private sealed record Parsed(Row Row, NodeForm Goal, NodeForm Objective, IndicatorForm Indicator);

    public async Task<ImportResult> ImportAsync(int planId, Stream file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!PerformancePermissions.CanEditStructure(currentUser.User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct)))
            throw new AccessDeniedException("Performans programını yalnızca Strateji Geliştirme Müdürlüğü ve sistem yöneticisi içe aktarabilir.");
        var plan = await db.StrategicPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ValidationException("Plan dönemi bulunamadı.");

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var problems = new List<ImportProblem>();
        List<Row>? indicatorRows, targetRows;
        try
        {
            indicatorRows = ReadSheet(buffer, IndicatorSheet, RequiredIndicatorColumns, problems);
            targetRows = ReadSheet(buffer, TargetSheet, RequiredTargetColumns, problems);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ImportResult([new ImportProblem("Dosya", 0, "", "Dosya okunamadı; geçerli bir Excel (xlsx) dosyası değil.")]);
        }
        if (indicatorRows is null || targetRows is null) return new ImportResult(problems);
        if (indicatorRows.Count == 0) return new ImportResult([new ImportProblem(IndicatorSheet, 0, "", "Sayfada hiç gösterge satırı yok.")]);

        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Code.ToUpperInvariant(), d => d.Id, ct);
        var parsed = indicatorRows.Select(row => ParseIndicator(row, directorates, plan, problems)).ToList();
        CheckAcrossRows(parsed, problems);
        var otherPlans = await OtherPlansCodesAsync(db, planId, parsed.Select(p => p.Indicator.Code!).Where(c => c is not null).ToList(), ct);
        foreach (var p in parsed.Where(p => p.Indicator.Code is { } c && otherPlans.Contains(c)))
            problems.Add(new ImportProblem(IndicatorSheet, p.Row.Number, Code, "Bu gösterge kodu başka bir plan döneminde kullanılıyor; gösterge kodları tektir."));
        ParseTargets(targetRows, parsed, plan, problems);
        if (problems.Count > 0) return new ImportResult(problems.OrderBy(p => p.Sheet == IndicatorSheet ? 0 : 1).ThenBy(p => p.Row).ToList());

        var result = await WriteAsync(db, planId, parsed, ct);
        changes.Publish(ChangeTopic.Performance);
        return result;
    }

    private static Parsed ParseIndicator(Row row, IReadOnlyDictionary<string, int> directorates, StrategicPlan plan, List<ImportProblem> problems)
    {
        void Problem(string column, string message) => problems.Add(new ImportProblem(IndicatorSheet, row.Number, column, message));
        double Number(string column, double fallback)
        {
            if (row.TryNumber(column, out var value)) return value ?? fallback;
            Problem(column, $"\"{row.Text(column)}\" bir sayı değil.");
            return fallback;
        }
        T Choice<T>(string column, Func<T, string> name, T fallback, bool required = false) where T : struct, Enum
        {
            var text = row.Text(column);
            if (text is null)
            {
                if (required) Problem(column, $"Boş bırakılamaz; {string.Join(", ", Enum.GetValues<T>().Select(name))} yazın.");
                return fallback;
            }
            if (PerformanceText.TryParse(text, name, out T value)) return value;
            Problem(column, $"\"{text}\" tanınmadı; {string.Join(", ", Enum.GetValues<T>().Select(name))} yazın.");
            return fallback;
        }

        var form = new IndicatorForm
        {
            Code = row.Text(Code), Name = row.Text(Name), Unit = row.Text(Unit), DataSource = row.Text(DataSource), Formula = row.Text(Formula),
            Direction = Choice<IndicatorDirection>(Direction, PerformanceText.Name, IndicatorDirection.HigherIsBetter, required: true),
            PeriodType = Choice<PeriodType>(Period, PerformanceText.Name, PeriodType.Quarterly),
            Aggregation = Choice<PeriodAggregation>(Aggregation, PerformanceText.Name, PeriodAggregation.Cumulative),
            Computed = Choice<ComputedKind>(Computed, PerformanceText.Name, ComputedKind.None),
            Weight = Number(Weight, 1),
        };
        if (!row.TryNumber(Baseline, out var baseline)) Problem(Baseline, $"\"{row.Text(Baseline)}\" bir sayı değil.");
        form.Baseline = baseline;
        var municipality = TurkishText.Fold(row.Text(Municipality));
        if (municipality is "evet" or "e" or "1" or "true") form.ComputeForMunicipality = true;
        else if (municipality is not ("" or "hayir" or "h" or "0" or "false")) Problem(Municipality, "Evet ya da Hayır yazın.");
        var directorate = row.Text(Directorate);
        if (directorate is not null && directorates.TryGetValue(TurkishText.ToUpper(directorate).Replace('İ', 'I'), out var id)) form.DirectorateId = id;
        else if (directorate is not null) Problem(Directorate, $"\"{directorate}\" kodlu müdürlük yok. Geçerli kodlar: {string.Join(", ", directorates.Keys.Order())}.");

        var indicatorColumns = new Dictionary<string, string>
        {
            [nameof(IndicatorForm.Code)] = Code, [nameof(IndicatorForm.Name)] = Name, [nameof(IndicatorForm.Unit)] = Unit,
            [nameof(IndicatorForm.DirectorateId)] = Directorate, [nameof(IndicatorForm.Weight)] = Weight,
            [nameof(IndicatorForm.DataSource)] = DataSource, [nameof(IndicatorForm.Formula)] = Formula,
        };
        foreach (var (field, message) in StructureRules.Validate(form, plan.StartYear, plan.EndYear))
            if (indicatorColumns.TryGetValue(field, out var column) && !problems.Any(p => p.Row == row.Number && p.Column == column && p.Sheet == IndicatorSheet))
                Problem(column, message);

        var goal = new NodeForm { Code = row.Text(GoalCode), Title = row.Text(Goal), Weight = Number(GoalWeight, 1) };
        var objective = new NodeForm { Code = row.Text(ObjectiveCode), Title = row.Text(Objective), Weight = Number(ObjectiveWeight, 1) };
        foreach (var (node, columns) in new[] { (goal, (GoalCode, Goal, GoalWeight)), (objective, (ObjectiveCode, Objective, ObjectiveWeight)) })
            foreach (var (field, message) in StructureRules.Validate(node))
                Problem(field switch { nameof(NodeForm.Code) => columns.Item1, nameof(NodeForm.Title) => columns.Item2, _ => columns.Item3 }, message);
        return new Parsed(row, goal, objective, form);
    }

    /// <summary>One code, one meaning in the whole file.</summary>
    private static void CheckAcrossRows(List<Parsed> parsed, List<ImportProblem> problems)
    {
        foreach (var group in parsed.Where(p => p.Indicator.Code is not null).GroupBy(p => p.Indicator.Code!, StringComparer.OrdinalIgnoreCase))
            foreach (var later in group.Skip(1))
                problems.Add(new ImportProblem(IndicatorSheet, later.Row.Number, Code, $"{group.Key} kodu {group.First().Row.Number}. satırda da var."));
        foreach (var group in parsed.Where(p => p.Goal.Code is not null).GroupBy(p => p.Goal.Code!, StringComparer.OrdinalIgnoreCase))
            foreach (var other in group.Where(p => p.Goal.Title != group.First().Goal.Title))
                problems.Add(new ImportProblem(IndicatorSheet, other.Row.Number, Goal, $"{group.Key} amacı {group.First().Row.Number}. satırda başka bir başlıkla yazılmış."));
        foreach (var group in parsed.Where(p => p.Objective.Code is not null).GroupBy(p => p.Objective.Code!, StringComparer.OrdinalIgnoreCase))
            foreach (var other in group.Where(p => p.Objective.Title != group.First().Objective.Title || !string.Equals(p.Goal.Code, group.First().Goal.Code, StringComparison.OrdinalIgnoreCase)))
                problems.Add(new ImportProblem(IndicatorSheet, other.Row.Number, ObjectiveCode,
                    $"{group.Key} hedefi {group.First().Row.Number}. satırda başka bir başlık ya da amaçla yazılmış."));
    }

    private static void ParseTargets(List<Row> rows, List<Parsed> parsed, StrategicPlan plan, List<ImportProblem> problems)
    {
        var byCode = parsed.Where(p => p.Indicator.Code is not null).GroupBy(p => p.Indicator.Code!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(string, int), int>();
        foreach (var row in rows)
        {
            void Problem(string column, string message) => problems.Add(new ImportProblem(TargetSheet, row.Number, column, message));
            var code = row.Text(Code);
            if (code is null) { Problem(Code, "Gösterge kodunu yazın."); continue; }
            if (!byCode.TryGetValue(code, out var owner)) { Problem(Code, $"{code} kodu \"{IndicatorSheet}\" sayfasında yok."); continue; }
            if (!row.TryNumber(Year, out var year) || year is not { } y || y != Math.Floor(y)) { Problem(Year, "Yılı dört haneli bir sayı olarak yazın (ör. 2026)."); continue; }
            var target = new TargetForm { Year = (int)y };
            var targetIsText = !row.TryNumber(Target, out var value);
            if (targetIsText) Problem(Target, $"\"{row.Text(Target)}\" bir sayı değil.");
            if (!row.TryNumber(BandLow, out var low)) Problem(BandLow, $"\"{row.Text(BandLow)}\" bir sayı değil.");
            if (!row.TryNumber(BandHigh, out var high)) Problem(BandHigh, $"\"{row.Text(BandHigh)}\" bir sayı değil.");
            (target.Target, target.BandLow, target.BandHigh) = (value, low, high);
            var key = (owner.Indicator.Code!.ToUpperInvariant(), target.Year);
            if (seen.TryGetValue(key, out var first))
            {
                Problem(Year, $"{code} için {target.Year} yılı {first}. satırda da var.");
                continue;
            }
            seen[key] = row.Number;
            // The same rules as the edit form, on this one target (the indicator's own fields were checked on its sheet).
            var single = new IndicatorForm { Code = "x", Name = "x", Unit = "x", DirectorateId = 0, Direction = owner.Indicator.Direction, Targets = [target] };
            foreach (var (field, message) in StructureRules.Validate(single, plan.StartYear, plan.EndYear))
            {
                if (field.EndsWith(".Target", StringComparison.Ordinal) && targetIsText) continue;
                Problem(field.EndsWith(".Year", StringComparison.Ordinal) ? Year : field.EndsWith(".BandLow", StringComparison.Ordinal) ? BandLow : Target, message);
            }
            owner.Indicator.Targets.Add(target);
        }
    }

    private static async Task<HashSet<string>> OtherPlansCodesAsync(IntranetDbContext db, int planId, List<string> codes, CancellationToken ct) =>
        (await db.PerformanceIndicators.AsNoTracking().Where(i => codes.Contains(i.Code))
            .Join(db.StrategicObjectives, i => i.ObjectiveId, o => o.Id, (i, o) => new { i.Code, o.GoalId })
            .Join(db.StrategicGoals, x => x.GoalId, g => g.Id, (x, g) => new { x.Code, g.PlanId })
            .Where(x => x.PlanId != planId).Select(x => x.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Goals, then objectives, then indicators (each needs its parent's id), all in one transaction.</summary>
    private static async Task<ImportResult> WriteAsync(IntranetDbContext db, int planId, List<Parsed> parsed, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var goals = await db.StrategicGoals.Where(g => g.PlanId == planId).ToListAsync(ct);
        foreach (var p in parsed.DistinctBy(p => p.Goal.Code!.ToUpperInvariant()))
        {
            var goal = goals.FirstOrDefault(g => g.Code.Equals(p.Goal.Code, StringComparison.OrdinalIgnoreCase));
            if (goal is null) goals.Add(goal = db.StrategicGoals.Add(new StrategicGoal { PlanId = planId, Code = p.Goal.Code!, Title = "" }).Entity);
            (goal.Title, goal.Weight) = (p.Goal.Title!, p.Goal.Weight);
        }
        await db.SaveChangesAsync(ct);

        var goalIds = goals.Select(g => g.Id).ToList();
        var objectives = await db.StrategicObjectives.Where(o => goalIds.Contains(o.GoalId)).ToListAsync(ct);
        foreach (var p in parsed.DistinctBy(p => p.Objective.Code!.ToUpperInvariant()))
        {
            var objective = objectives.FirstOrDefault(o => o.Code.Equals(p.Objective.Code, StringComparison.OrdinalIgnoreCase));
            if (objective is null) objectives.Add(objective = db.StrategicObjectives.Add(new StrategicObjective { Code = p.Objective.Code!, Title = "" }).Entity);
            objective.GoalId = goals.First(g => g.Code.Equals(p.Goal.Code, StringComparison.OrdinalIgnoreCase)).Id;
            (objective.Title, objective.Weight) = (p.Objective.Title!, p.Objective.Weight);
        }
        await db.SaveChangesAsync(ct);

        var codes = parsed.Select(p => p.Indicator.Code!).ToList();
        var indicators = await db.PerformanceIndicators.Include(i => i.Targets).Where(i => codes.Contains(i.Code)).ToListAsync(ct);
        foreach (var p in parsed)
        {
            var indicator = indicators.FirstOrDefault(i => i.Code.Equals(p.Indicator.Code, StringComparison.OrdinalIgnoreCase))
                ?? db.PerformanceIndicators.Add(new PerformanceIndicator { Code = "", Name = "", Unit = "" }).Entity;
            p.Indicator.ObjectiveId = objectives.First(o => o.Code.Equals(p.Objective.Code, StringComparison.OrdinalIgnoreCase)).Id;
            PerformanceStructureService.Apply(indicator, p.Indicator, removeMissingTargets: false);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult([], parsed.Select(p => p.Goal.Code!.ToUpperInvariant()).Distinct().Count(),
            parsed.Select(p => p.Objective.Code!.ToUpperInvariant()).Distinct().Count(), parsed.Count, parsed.Sum(p => p.Indicator.Targets.Count));
    }
}
