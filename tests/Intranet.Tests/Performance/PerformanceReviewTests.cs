using Intranet.Core.Common;
using Intranet.Core.Performance;

namespace Intranet.Tests.Performance;

/// <summary>The review through the service: who sees which scope, roll-up weights from the database, the wall's approved-only view.</summary>
public class PerformanceReviewTests : IDisposable
{
    private readonly PerformanceWorld _world = new();

    [Fact]
    public async Task Directors_and_staff_get_their_own_directorate_whatever_they_ask_for()
    {
        var review = (await _world.Review(_world.As("demo-park-personel")).LoadAsync(2026, directorateId: null))!;

        Assert.Equal(_world.Requests.DirectorateId("PARK"), review.DirectorateId);
        Assert.Equal(["PG-PARK-01"], review.Indicators.Select(i => i.Code));
        var other = (await _world.Review(_world.As("demo-fen-mudur")).LoadAsync(2026, _world.Requests.DirectorateId("PARK")))!;
        Assert.All(other.Indicators, i => Assert.StartsWith("PG-FEN", i.Code));
    }

    [Fact]
    public async Task The_mayors_office_and_strategy_see_the_whole_municipality_and_any_directorate()
    {
        var municipality = (await _world.Review(_world.As("demo-ozk-1")).LoadAsync(2026, null))!;
        Assert.Null(municipality.DirectorateId);
        Assert.Equal(15, municipality.Indicators.Count());
        Assert.Equal(6, municipality.Goals.Count);

        var park = (await _world.Review(_world.As("demo-strat-personel")).LoadAsync(2026, _world.Requests.DirectorateId("PARK")))!;
        Assert.Equal("Park ve Bahçeler Müdürlüğü", park.ScopeName);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Review(_world.As("demo-duvar-ekrani")).LoadAsync(2026, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Review(_world.As("demo-basin")).LoadAsync(2026, null));
    }

    [Fact]
    public async Task Weights_set_in_the_structure_decide_the_objectives_rate()
    {
        // H1.1 has PG-FEN-01 (asphalt, 48,000 t in 2026) and PG-FEN-02 (pavement, 35,000 m²), both cumulative.
        var strategy = _world.As("demo-strat-personel");
        var asphalt = _world.Indicator("PG-FEN-01");
        await _world.Structure(strategy).SaveIndicatorAsync(FormOf(asphalt, weight: 3));
        var fen = _world.As("demo-fen-personel-1");
        await _world.Entries(fen).SaveAsync(new ActualInput(new PeriodRef(asphalt.Id, 2026, 1), 12000, null, null)); // 100 % of a quarter
        await _world.Entries(fen).SaveAsync(new ActualInput(new PeriodRef(_world.Indicator("PG-FEN-02").Id, 2026, 1), 4375, "Kış.", null)); // 50 %

        var review = (await _world.Review(_world.As("demo-ozk-1")).LoadAsync(2026, null))!;
        var h11 = review.Goals.Single(g => g.Code == "A1").Objectives.Single(o => o.Code == "H1.1");

        Assert.Equal((3 * 1.0 + 1 * 0.5) / 4, h11.RollUp.Rate!.Value, 9);
        Assert.Equal(TrafficLight.Sari, h11.Light);
        Assert.True(review.Missing > 0); // Q2 and Q3 of both are over and empty
        Assert.Equal(2, review.Indicators.Where(i => i.Code.StartsWith("PG-FEN", StringComparison.Ordinal)).Sum(i => i.Unapproved));
    }

    [Fact]
    public async Task The_wall_headline_counts_only_approved_values()
    {
        var park = _world.Indicator("PG-PARK-01");
        var q3 = new PeriodRef(park.Id, 2026, 3);
        var v = await _world.Entries(_world.As("demo-park-personel")).SaveAsync(new ActualInput(q3, 3, "İhale gecikti.", null));
        var wall = _world.Review(_world.As("demo-duvar-ekrani"));

        var before = (await wall.HeadlineAsync(2026))!;
        Assert.Equal(TrafficLight.Gri, before.Indicators.Single(i => i.Code == "PG-PARK-01").Light);

        await _world.Entries(_world.As("demo-park-mudur")).ApproveAsync(q3, v);
        var after = (await wall.HeadlineAsync(2026))!;
        var row = after.Indicators.Single(i => i.Code == "PG-PARK-01");
        Assert.Equal(TrafficLight.Kirmizi, row.Light);
        Assert.Equal(3 / 7.4, row.Year.Rate!.Value, 9);
        Assert.Equal(before.CountOf(TrafficLight.Kirmizi) + 1, after.CountOf(TrafficLight.Kirmizi));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Review(_world.As("demo-fen-mudur")).HeadlineAsync(2026));
    }

    [Fact]
    public async Task The_drill_down_has_every_plan_year_the_explanations_and_the_history()
    {
        var park = _world.Indicator("PG-PARK-01");
        var q1 = new PeriodRef(park.Id, 2026, 1);
        var v = await _world.Entries(_world.As("demo-park-personel")).SaveAsync(new ActualInput(q1, 5, "Kamulaştırma sürüyor.", null));
        await _world.Entries(_world.As("demo-park-mudur")).ApproveAsync(q1, v);

        var history = (await _world.Review(_world.As("demo-ozk-1")).HistoryAsync(park.Id))!;

        Assert.Equal([2025, 2026, 2027, 2028, 2029], history.Years.Select(y => y.Year));
        var q1Row = history.Years.Single(y => y.Year == 2026).Row.Periods[0];
        Assert.Equal(("Kamulaştırma sürüyor.", ActualStatus.Onaylandi), (q1Row.Explanation, q1Row.Status!.Value));
        Assert.Equal([ActualLogAction.Onaylandi, ActualLogAction.Kaydedildi], history.Lines.Select(l => l.Action));
        Assert.Equal("2026 1. Çeyrek", history.Lines[0].Period);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Review(_world.As("demo-fen-mudur")).HistoryAsync(park.Id));
    }

    [Fact]
    public async Task The_activity_report_has_one_line_per_indicator_with_target_actual_rate_and_explanations()
    {
        var park = _world.Indicator("PG-PARK-01");
        await _world.Entries(_world.As("demo-park-personel")).SaveAsync(new ActualInput(new PeriodRef(park.Id, 2026, 2), 5.5, "Kamulaştırma sürüyor.", null));
        var review = (await _world.Review(_world.As("demo-ozk-1")).LoadAsync(2026, null))!;

        var lines = ActivityReport.Lines(review);
        var line = lines.Single(l => l.Code == "PG-PARK-01");
        Assert.Equal(15, lines.Count);
        Assert.Equal((7.4, 5.5), (line.YearTarget!.Value, line.Actual!.Value));
        Assert.Equal(5.5 / 7.4, line.Rate!.Value, 9);
        Assert.Equal("2. Çeyrek: Kamulaştırma sürüyor.", line.Explanation);
        Assert.StartsWith("A2 ", line.Goal);

        using var file = new MemoryStream();
        await ActivityReport.WriteAsync(file, review, CancellationToken.None);
        file.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: "Faaliyet Raporu 2026").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(15, rows.Count);
        Assert.Contains(rows, r => (string?)r["Gösterge Kodu"] == "PG-PARK-01" && Convert.ToDouble(r["Gerçekleşme Oranı (%)"]) == 74.3);
    }

    private static IndicatorForm FormOf(PerformanceIndicator i, double weight) => new()
    {
        Id = i.Id, Version = i.Version, ObjectiveId = i.ObjectiveId, Code = i.Code, Name = i.Name, DirectorateId = i.DirectorateId, Unit = i.Unit,
        Direction = i.Direction, Baseline = i.Baseline, PeriodType = i.PeriodType, Aggregation = i.Aggregation, Weight = weight,
        DataSource = i.DataSource, Formula = i.Formula, Computed = i.Computed, ComputeForMunicipality = i.ComputeForMunicipality,
        Targets = i.Targets.Select(t => new TargetForm { Year = t.Year, Target = t.Target, BandLow = t.BandLow, BandHigh = t.BandHigh }).ToList(),
    };

    public void Dispose() => _world.Dispose();
}
