using Intranet.Core.Common;
using Intranet.Core.Performance;

namespace Intranet.Tests.Performance;

/// <summary>Maintaining the programme's structure: who may, what is checked, and stale edits.</summary>
public class PerformanceStructureTests : IDisposable
{
    private readonly PerformanceWorld _world = new();

    [Fact]
    public async Task Strategy_staff_build_a_goal_objective_and_indicator_and_others_may_not()
    {
        var strategy = _world.Structure(_world.As("demo-strat-personel"));
        var goal = await strategy.SaveGoalAsync(new NodeForm { ParentId = _world.PlanId(), Code = "A7", Title = "Dijital belediye", Weight = 2 });
        var objective = await strategy.SaveObjectiveAsync(new NodeForm { ParentId = goal, Code = "H7.1", Title = "E-belediye hizmetlerini artırmak" });
        var form = new IndicatorForm
        {
            ObjectiveId = objective, Code = "PG-BIL-01", Name = "E-belediyeden yapılan işlem", DirectorateId = _world.Requests.DirectorateId("STRAT"),
            Unit = "adet", Direction = IndicatorDirection.WithinBand, Targets = [new TargetForm { Year = 2026, Target = 100, BandLow = 90, BandHigh = 110 }],
        };
        await strategy.SaveIndicatorAsync(form);

        var saved = _world.Indicator("PG-BIL-01");
        Assert.Equal((PeriodType.Quarterly, 90.0, 110.0), (saved.PeriodType, saved.Targets.Single().BandLow!.Value, saved.Targets.Single().BandHigh!.Value));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Structure(_world.As("demo-fen-mudur")).SaveGoalAsync(new NodeForm { ParentId = _world.PlanId(), Code = "A8", Title = "x" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Structure(_world.As("demo-ozk-1")).DeleteIndicatorAsync(saved.Id, saved.Version));
    }

    [Fact]
    public async Task Rules_are_checked_with_a_message_per_field()
    {
        var strategy = _world.Structure(_world.As("demo-admin"));
        var objectiveId = _world.Indicator("PG-FEN-01").ObjectiveId;

        var error = await Assert.ThrowsAsync<ValidationException>(() => strategy.SaveIndicatorAsync(new IndicatorForm
        {
            ObjectiveId = objectiveId, Code = "PG-FEN-01", Name = "Kopya", DirectorateId = _world.Requests.DirectorateId("FEN"), Unit = "ton",
            Direction = IndicatorDirection.WithinBand, Targets = [new TargetForm { Year = 2026, Target = 5 }, new TargetForm { Year = 2040, Target = 5, BandLow = 1, BandHigh = 9 }],
        }));
        Assert.Contains("Targets[2026].BandLow", error.Fields.Keys);
        Assert.Contains("plan dönemi", error.Fields["Targets[2040].Year"]);

        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => strategy.SaveIndicatorAsync(new IndicatorForm
        {
            ObjectiveId = objectiveId, Code = "PG-FEN-01", Name = "Kopya", DirectorateId = _world.Requests.DirectorateId("FEN"), Unit = "ton",
        }));
        Assert.Contains("zaten var", duplicate.Fields["Code"]);
        var overlap = await Assert.ThrowsAsync<ValidationException>(() => strategy.SavePlanAsync(new PlanForm { Name = "Yeni", StartYear = 2029, EndYear = 2033 }));
        Assert.Contains("çakışıyor", overlap.Message);
        await Assert.ThrowsAsync<ValidationException>(() => strategy.SavePlanAsync(new PlanForm { Name = "Yeni", StartYear = 2030, EndYear = 2034, GreenFrom = 0.6, AmberFrom = 0.7 }));
        await strategy.SavePlanAsync(new PlanForm { Name = "2030–2034 Stratejik Planı", StartYear = 2030, EndYear = 2034 });
    }

    [Fact]
    public async Task An_edit_of_a_version_someone_else_saved_is_a_conflict_and_used_records_are_not_deleted()
    {
        var strategy = _world.Structure(_world.As("demo-strat-mudur"));
        var park = _world.Indicator("PG-PARK-01");
        var stale = park.Version;
        await strategy.SaveIndicatorAsync(Form(park, "Kişi başına aktif yeşil alan (m²)"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => strategy.SaveIndicatorAsync(Form(park, "Başka ad", stale)));
        Assert.Equal("Kişi başına aktif yeşil alan (m²)", _world.Indicator("PG-PARK-01").Name);

        await _world.Entries(_world.As("demo-park-personel")).SaveAsync(new ActualInput(new PeriodRef(park.Id, 2026, 1), 7, null, null));
        var used = _world.Indicator("PG-PARK-01");
        var refused = await Assert.ThrowsAsync<ValidationException>(() => strategy.DeleteIndicatorAsync(used.Id, used.Version));
        Assert.Contains("silinemez", refused.Message);
    }

    private static IndicatorForm Form(PerformanceIndicator i, string name, Guid? version = null) => new()
    {
        Id = i.Id, Version = version ?? i.Version, ObjectiveId = i.ObjectiveId, Code = i.Code, Name = name, DirectorateId = i.DirectorateId, Unit = i.Unit,
        Direction = i.Direction, PeriodType = i.PeriodType, Aggregation = i.Aggregation, Weight = i.Weight,
        Targets = i.Targets.Select(t => new TargetForm { Year = t.Year, Target = t.Target }).ToList(),
    };

    public void Dispose() => _world.Dispose();
}
