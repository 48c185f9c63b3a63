using System.Globalization;
using Intranet.Core.Common;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Intranet.Core.Performance;

/// <summary>A problem in an imported file: which sheet, which row (as Excel numbers it), which column, what is wrong.</summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => Row > 0
        ? $"{Sheet} sayfası, {Row}. satır, \"{Column}\" sütunu: {Message}"
        : $"{Sheet} sayfası: {Message}";
}

/// <summary>
/// The structure's xlsx layout, the same for export and import so a downloaded file can be edited and uploaded back:
/// sheet "Göstergeler" has one row per indicator with its goal and objective; sheet "Hedefler" one row per
/// indicator and year.
/// </summary>
public static class StructureWorkbook
{
    public const string IndicatorSheet = "Göstergeler";
    public const string TargetSheet = "Hedefler";

    public const string GoalCode = "Amaç Kodu", Goal = "Amaç", GoalWeight = "Amaç Ağırlığı";
    public const string ObjectiveCode = "Hedef Kodu", Objective = "Hedef", ObjectiveWeight = "Hedef Ağırlığı";
    public const string Code = "Gösterge Kodu", Name = "Gösterge", Directorate = "Müdürlük Kodu", Unit = "Birim", Direction = "Yön";
    public const string Baseline = "Başlangıç Değeri", Period = "Dönem", Aggregation = "Yıllık Birleştirme", Weight = "Ağırlık";
    public const string DataSource = "Veri Kaynağı", Formula = "Hesaplama Yöntemi", Computed = "Otomatik Hesaplama", Municipality = "Tüm Belediye";
    public const string Year = "Yıl", Target = "Hedef Değer", BandLow = "Alt Sınır", BandHigh = "Üst Sınır";

    public static readonly string[] IndicatorColumns =
        [GoalCode, Goal, GoalWeight, ObjectiveCode, Objective, ObjectiveWeight, Code, Name, Directorate, Unit, Direction, Baseline, Period,
         Aggregation, Weight, DataSource, Formula, Computed, Municipality];
    public static readonly string[] RequiredIndicatorColumns = [GoalCode, Goal, ObjectiveCode, Objective, Code, Name, Directorate, Unit, Direction];
    public static readonly string[] TargetColumns = [Code, Year, Target, BandLow, BandHigh];
    public static readonly string[] RequiredTargetColumns = [Code, Year, Target];

    /// <summary>Writes the plan's structure (with directorate codes by id) as the two sheets.</summary>
    public static Task WriteAsync(Stream stream, StrategicPlan plan, IReadOnlyDictionary<int, string> directorateCodes, CancellationToken ct)
    {
        var indicators = new List<Dictionary<string, object?>>();
        var targets = new List<Dictionary<string, object?>>();
        foreach (var goal in plan.Goals)
            foreach (var objective in goal.Objectives)
                foreach (var i in objective.Indicators)
                {
                    indicators.Add(new Dictionary<string, object?>
                    {
                        [GoalCode] = goal.Code, [Goal] = goal.Title, [GoalWeight] = goal.Weight,
                        [ObjectiveCode] = objective.Code, [Objective] = objective.Title, [ObjectiveWeight] = objective.Weight,
                        [Code] = i.Code, [Name] = i.Name, [Directorate] = directorateCodes.GetValueOrDefault(i.DirectorateId, ""), [Unit] = i.Unit,
                        [Direction] = i.Direction.Name(), [Baseline] = i.Baseline, [Period] = i.PeriodType.Name(), [Aggregation] = i.Aggregation.Name(),
                        [Weight] = i.Weight, [DataSource] = i.DataSource, [Formula] = i.Formula, [Computed] = i.Computed.Name(),
                        [Municipality] = i.ComputeForMunicipality ? "Evet" : "Hayır",
                    });
                    targets.AddRange(i.Targets.Select(t => new Dictionary<string, object?>
                    {
                        [Code] = i.Code, [Year] = t.Year, [Target] = t.Target, [BandLow] = t.BandLow, [BandHigh] = t.BandHigh,
                    }));
                }
        // An empty sheet still carries its headers, so the file is a template for a first import.
        if (indicators.Count == 0) indicators.Add(IndicatorColumns.ToDictionary(c => c, _ => (object?)null));
        if (targets.Count == 0) targets.Add(TargetColumns.ToDictionary(c => c, _ => (object?)null));
        var sheets = new Dictionary<string, object> { [IndicatorSheet] = indicators, [TargetSheet] = targets };
        return stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = true }, cancellationToken: ct);
    }

    /// <summary>A data row: its Excel row number and its cells by header.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, object?> Cells)
    {
        public string? Text(string column) =>
            Cells.GetValueOrDefault(column) switch
            {
                null => null,
                string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            };

        /// <summary>A number from a numeric cell or from text written either way ("1.234,5" or "1234.5"); false when it is not one.</summary>
        public bool TryNumber(string column, out double? value)
        {
            value = null;
            switch (Cells.GetValueOrDefault(column))
            {
                case null:
                    return true;
                case string s when string.IsNullOrWhiteSpace(s):
                    return true;
                case string s:
                    s = s.Trim().TrimStart('%');
                    if (double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, TurkishText.Culture, out var tr) && (s.Contains(',') || !s.Contains('.')))
                        value = tr;
                    else if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var inv))
                        value = inv;
                    else return false;
                    return double.IsFinite(value.Value);
                case IConvertible c and not bool and not DateTime:
                    value = c.ToDouble(CultureInfo.InvariantCulture);
                    return double.IsFinite(value.Value);
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Reads a sheet: the first row is the header; blank rows are skipped but keep their numbers, so a message names
    /// the row the user sees in Excel. Null (with a problem) when the sheet or a required column is missing.
    /// </summary>
    public static List<Row>? ReadSheet(Stream stream, string sheet, string[] required, List<ImportProblem> problems)
    {
        stream.Position = 0;
        if (!MiniExcel.GetSheetNames(stream).Contains(sheet))
        {
            problems.Add(new ImportProblem(sheet, 0, "", $"\"{sheet}\" adlı sayfa yok. Dosyayı \"Excel'e aktar\" ile indirdiğiniz şablondan hazırlayın."));
            return null;
        }
        stream.Position = 0;
        var raw = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
        if (raw.Count == 0)
        {
            problems.Add(new ImportProblem(sheet, 0, "", "Sayfa boş; başlık satırı bulunamadı."));
            return null;
        }
        var headers = raw[0].Where(c => c.Value is not null && !string.IsNullOrWhiteSpace(c.Value.ToString()))
            .ToDictionary(c => c.Key, c => c.Value!.ToString()!.Trim());
        var duplicates = headers.Values.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var duplicate in duplicates) problems.Add(new ImportProblem(sheet, 1, duplicate, "Bu başlık birden fazla sütunda var."));
        var missing = required.Where(c => !headers.Values.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var column in missing) problems.Add(new ImportProblem(sheet, 1, column, "Zorunlu sütun başlık satırında yok."));
        if (missing.Count > 0 || duplicates.Count > 0) return null;

        var canonical = headers.ToDictionary(h => h.Key, h => required.Concat(IndicatorColumns).Concat(TargetColumns)
            .FirstOrDefault(c => string.Equals(c, h.Value, StringComparison.OrdinalIgnoreCase)) ?? h.Value);
        var rows = new List<Row>();
        for (var i = 1; i < raw.Count; i++)
        {
            var cells = canonical.ToDictionary(h => h.Value, h => raw[i].TryGetValue(h.Key, out var v) ? v : null);
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)))) continue;
            rows.Add(new Row(i + 1, cells));
        }
        return rows;
    }
}
