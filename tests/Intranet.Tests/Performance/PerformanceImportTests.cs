using Intranet.Core.Common;
using Intranet.Core.Performance;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Intranet.Core.Performance.StructureWorkbook;

namespace Intranet.Tests.Performance;

/// <summary>The structure's xlsx import: every row checked first, line-level Turkish messages, all or nothing.</summary>
public class PerformanceImportTests : IDisposable
{
    private readonly PerformanceWorld _world = new();
    private readonly UserContext _strategy;

    public PerformanceImportTests() => _strategy = _world.As("demo-strat-personel");

    private static Dictionary<string, object?> Row(string code, string? name = "Deneme göstergesi", string? direction = "Artış", string directorate = "FEN",
        object? weight = null) => new()
    {
        [GoalCode] = "A9", [Goal] = "Deneme amacı", [GoalWeight] = 1, [ObjectiveCode] = "H9.1", [Objective] = "Deneme hedefi", [ObjectiveWeight] = 1,
        [Code] = code, [Name] = name, [Directorate] = directorate, [Unit] = "adet", [Direction] = direction, [Baseline] = null,
        [Period] = "Çeyreklik", [Aggregation] = "Kümülatif", [Weight] = weight ?? 1, [DataSource] = null, [Formula] = null, [Computed] = "Elle girilir", [Municipality] = "Hayır",
    };

    private static Dictionary<string, object?> Target(string code, object year, object? value) =>
        new() { [Code] = code, [Year] = year, [StructureWorkbook.Target] = value, [BandLow] = null, [BandHigh] = null };

    private static MemoryStream Workbook(List<Dictionary<string, object?>> indicators, List<Dictionary<string, object?>> targets)
    {
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [IndicatorSheet] = indicators, [TargetSheet] = targets });
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task A_malformed_file_is_rejected_with_row_and_column_messages_and_nothing_is_imported()
    {
        var blank = Row("x").ToDictionary(c => c.Key, _ => (object?)null);
        var file = Workbook(
            [Row("PG-TEST-01"), blank, Row("PG-TEST-02", direction: "Yukarı", directorate: "XYZ"), Row("PG-TEST-03", name: null, weight: "çok"), Row("PG-TEST-01")],
            [Target("PG-TEST-01", 2026, 100), Target("PG-TEST-01", 2035, 100), Target("PG-YOK-99", 2026, 5), Target("PG-TEST-02", 2027, "abc")]);
        var before = await CountsAsync();

        var result = await _world.Import(_strategy).ImportAsync(_world.PlanId(), file);

        Assert.False(result.Imported);
        var problems = result.Problems.Select(p => (p.Sheet, p.Row, p.Column)).ToList();
        Assert.Contains((IndicatorSheet, 4, Direction), problems); // row 3 is blank and keeps its number
        Assert.Contains((IndicatorSheet, 4, Directorate), problems);
        Assert.Contains((IndicatorSheet, 5, Name), problems);
        Assert.Contains((IndicatorSheet, 5, Weight), problems);
        Assert.Contains((IndicatorSheet, 6, Code), problems);
        Assert.Contains((TargetSheet, 3, Year), problems);
        Assert.Contains((TargetSheet, 4, Code), problems);
        Assert.Contains((TargetSheet, 5, StructureWorkbook.Target), problems);
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(8, result.Problems.Count);
        var text = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("Göstergeler sayfası, 4. satır, \"Yön\" sütunu: \"Yukarı\" tanınmadı; Artış, Azalış, Aralık yazın.", text);
        Assert.Contains(text, t => t.StartsWith("Göstergeler sayfası, 4. satır, \"Müdürlük Kodu\" sütunu: \"XYZ\" kodlu müdürlük yok.", StringComparison.Ordinal));
        Assert.Contains("Göstergeler sayfası, 5. satır, \"Ağırlık\" sütunu: \"çok\" bir sayı değil.", text);
        Assert.Contains("Göstergeler sayfası, 6. satır, \"Gösterge Kodu\" sütunu: PG-TEST-01 kodu 2. satırda da var.", text);
        Assert.Contains("Hedefler sayfası, 3. satır, \"Yıl\" sütunu: 2035 yılı plan dönemi (2025–2029) dışında.", text);
        Assert.Contains("Hedefler sayfası, 4. satır, \"Gösterge Kodu\" sütunu: PG-YOK-99 kodu \"Göstergeler\" sayfasında yok.", text);

        Assert.Equal(before, await CountsAsync()); // not even the valid row 2 went in
    }

    [Fact]
    public async Task An_exported_structure_edited_and_imported_back_adds_and_updates_by_code_in_one_go()
    {
        using var exported = new MemoryStream();
        var plan = (await _world.Structure(_strategy).TreeAsync(_world.PlanId()))!;
        await using (var db = _world.Requests.Database.Create(UserContext.System))
            await StructureWorkbook.WriteAsync(exported, plan, await db.Directorates.ToDictionaryAsync(d => d.Id, d => d.Code), CancellationToken.None);
        exported.Position = 0;
        var indicators = exported.Query(useHeaderRow: true, sheetName: IndicatorSheet).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
        exported.Position = 0;
        var targets = exported.Query(useHeaderRow: true, sheetName: TargetSheet).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
        Assert.Equal(15, indicators.Count);
        Assert.Equal(75, targets.Count);

        indicators.Single(r => (string?)r[Code] == "PG-FEN-01")[Weight] = 2;
        var added = new Dictionary<string, object?>(indicators.Single(r => (string?)r[Code] == "PG-FEN-02")) { [Code] = "PG-FEN-03", [Name] = "Yapılan yağmur suyu kanalı", [Unit] = "m" };
        indicators.Add(added);
        targets.Add(Target("PG-FEN-03", 2026, 1200));
        targets.Add(Target("PG-FEN-03", 2027, "1.500,5")); // typed as Turkish text

        var result = await _world.Import(_strategy).ImportAsync(_world.PlanId(), Workbook(indicators, targets));

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal((6, 12, 16, 77), (result.Goals, result.Objectives, result.Indicators, result.Targets));
        var fen03 = _world.Indicator("PG-FEN-03");
        Assert.Equal([1200, 1500.5], fen03.Targets.OrderBy(t => t.Year).Select(t => t.Target));
        Assert.Equal(_world.Indicator("PG-FEN-02").ObjectiveId, fen03.ObjectiveId);
        Assert.Equal(2, _world.Indicator("PG-FEN-01").Weight);
        Assert.Equal(ComputedKind.RequestsAnsweredInTime, _world.Indicator("PG-HALK-01").Computed);
        Assert.Equal((90.0, 100.0), (_world.Indicator("PG-STRAT-01").Targets.First().BandLow!.Value, _world.Indicator("PG-STRAT-01").Targets.First().BandHigh!.Value));
        Assert.Equal((6, 16), await CountsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_lacks_a_sheet_or_column_is_named_as_such()
    {
        var junk = await _world.Import(_strategy).ImportAsync(_world.PlanId(), new MemoryStream("bu bir excel dosyası değil"u8.ToArray()));
        Assert.Equal("Dosya okunamadı; geçerli bir Excel (xlsx) dosyası değil.", Assert.Single(junk.Problems).Message);

        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [IndicatorSheet] = new List<Dictionary<string, object?>> { new() { [Code] = "PG-X", [Name] = "x" } } });
        stream.Position = 0;
        var partial = await _world.Import(_strategy).ImportAsync(_world.PlanId(), stream);
        Assert.Contains(partial.Problems, p => p is { Sheet: IndicatorSheet, Row: 1, Column: Direction });
        Assert.Contains(partial.Problems, p => p.Sheet == TargetSheet && p.Message.Contains("adlı sayfa yok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_strategy_and_admin_may_import()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Import(_world.As("demo-fen-mudur")).ImportAsync(_world.PlanId(), Workbook([Row("PG-TEST-01")], [Target("PG-TEST-01", 2026, 4)])));
        var result = await _world.Import(_world.As("demo-admin")).ImportAsync(_world.PlanId(), Workbook([Row("PG-TEST-01")], [Target("PG-TEST-01", 2026, 4)]));
        Assert.True(result.Imported, string.Join("\n", result.Problems));
    }

    private async Task<(int Goals, int Indicators)> CountsAsync()
    {
        await using var db = _world.Requests.Database.Create(UserContext.System);
        return (await db.StrategicGoals.CountAsync(), await db.PerformanceIndicators.CountAsync());
    }

    public void Dispose() => _world.Dispose();
}
