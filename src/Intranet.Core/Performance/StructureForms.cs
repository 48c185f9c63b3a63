namespace Intranet.Core.Performance;

/// <summary>The plan as its edit form holds it. Thresholds are shares (0.9 = %90).</summary>
public sealed class PlanForm
{
    public int? Id { get; set; }
    public Guid? Version { get; set; }
    public string? Name { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public double GreenFrom { get; set; } = 0.90;
    public double AmberFrom { get; set; } = 0.70;
    public double ExplanationThreshold { get; set; } = 0.10;
}

/// <summary>An amaç (goal) or a hedef (objective): code, title and weight under its parent.</summary>
public sealed class NodeForm
{
    public int? Id { get; set; }
    public Guid? Version { get; set; }
    /// <summary>The plan of a goal, the goal of an objective.</summary>
    public int ParentId { get; set; }
    public string? Code { get; set; }
    public string? Title { get; set; }
    public double Weight { get; set; } = 1;
}

public sealed class TargetForm
{
    public int Year { get; set; }
    public double? Target { get; set; }
    public double? BandLow { get; set; }
    public double? BandHigh { get; set; }
}

public sealed class IndicatorForm
{
    public int? Id { get; set; }
    public Guid? Version { get; set; }
    public int ObjectiveId { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int? DirectorateId { get; set; }
    public string? Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public double? Baseline { get; set; }
    public PeriodType PeriodType { get; set; } = PeriodType.Quarterly;
    public PeriodAggregation Aggregation { get; set; }
    public double Weight { get; set; } = 1;
    public string? DataSource { get; set; }
    public string? Formula { get; set; }
    public ComputedKind Computed { get; set; }
    public bool ComputeForMunicipality { get; set; }
    public List<TargetForm> Targets { get; set; } = [];
}

/// <summary>
/// The structure's rules, one Turkish message per field, shared by the edit forms and the xlsx import (which turns
/// each field into its column). Keys of target messages are "Targets[year].Field".
/// </summary>
public static class StructureRules
{
    public const double MaxWeight = 1000;

    public static Dictionary<string, string> Validate(PlanForm f)
    {
        var e = new Dictionary<string, string>();
        Text(e, nameof(f.Name), f.Name, 200, "Plan dönemine bir ad verin (ör. 2025–2029 Stratejik Planı).");
        if (f.StartYear is < 2000 or > 2100) e[nameof(f.StartYear)] = "Başlangıç yılı 2000 ile 2100 arasında olmalı.";
        if (f.EndYear < f.StartYear || f.EndYear > f.StartYear + 9) e[nameof(f.EndYear)] = "Bitiş yılı başlangıç yılından önce olamaz; bir plan en çok 10 yıl sürer.";
        if (f.AmberFrom is <= 0 or > 2 || f.GreenFrom is <= 0 or > 2) e[nameof(f.GreenFrom)] = "Eşikler %0'dan büyük, %200'den küçük olmalı.";
        else if (f.AmberFrom >= f.GreenFrom) e[nameof(f.AmberFrom)] = "Sarı eşiği yeşil eşiğinden küçük olmalı.";
        if (f.ExplanationThreshold is < 0 or > 1) e[nameof(f.ExplanationThreshold)] = "Açıklama eşiği %0 ile %100 arasında olmalı.";
        return e;
    }

    public static Dictionary<string, string> Validate(NodeForm f)
    {
        var e = new Dictionary<string, string>();
        Text(e, nameof(f.Code), f.Code, 32, "Kodu yazın (ör. A1, H1.2).");
        Text(e, nameof(f.Title), f.Title, 500, "Başlığı yazın.");
        Weight(e, nameof(f.Weight), f.Weight);
        return e;
    }

    public static Dictionary<string, string> Validate(IndicatorForm f, int startYear, int endYear)
    {
        var e = new Dictionary<string, string>();
        Text(e, nameof(f.Code), f.Code, 32, "Gösterge kodunu yazın (ör. PG-FEN-01).");
        Text(e, nameof(f.Name), f.Name, 500, "Göstergenin adını yazın.");
        Text(e, nameof(f.Unit), f.Unit, 32, "Ölçü birimini yazın (ör. ton, %, adet).");
        if (f.DirectorateId is null) e[nameof(f.DirectorateId)] = "Sorumlu müdürlüğü seçin.";
        if (f.Baseline is { } b && !double.IsFinite(b)) e[nameof(f.Baseline)] = "Başlangıç değeri geçerli bir sayı değil.";
        Weight(e, nameof(f.Weight), f.Weight);
        if (f.DataSource is { Length: > 500 }) e[nameof(f.DataSource)] = "Veri kaynağı en fazla 500 karakter olabilir.";
        if (f.Formula is { Length: > 1000 }) e[nameof(f.Formula)] = "Hesaplama yöntemi en fazla 1.000 karakter olabilir.";
        if (!Enum.IsDefined(f.Direction)) e[nameof(f.Direction)] = "Yön tanınmadı.";
        if (!Enum.IsDefined(f.PeriodType)) e[nameof(f.PeriodType)] = "Dönem tanınmadı.";
        if (!Enum.IsDefined(f.Aggregation)) e[nameof(f.Aggregation)] = "Yıllık birleştirme tanınmadı.";
        if (!Enum.IsDefined(f.Computed)) e[nameof(f.Computed)] = "Otomatik hesaplama türü tanınmadı.";
        foreach (var year in f.Targets.GroupBy(t => t.Year).Where(g => g.Count() > 1).Select(g => g.Key))
            e[$"Targets[{year}].Year"] = $"{year} yılı için birden fazla hedef var.";
        foreach (var t in f.Targets)
        {
            var key = $"Targets[{t.Year}]";
            if (t.Year < startYear || t.Year > endYear) e[key + ".Year"] = $"{t.Year} yılı plan dönemi ({startYear}–{endYear}) dışında.";
            if (t.Target is not { } value || !double.IsFinite(value)) e[key + ".Target"] = $"{t.Year} yılı hedef değerini yazın.";
            if (f.Direction != IndicatorDirection.WithinBand) continue;
            if (t.BandLow is null || t.BandHigh is null) e[key + ".BandLow"] = $"Aralık göstergesi: {t.Year} yılı için alt ve üst sınırı yazın.";
            else if (t.BandLow > t.BandHigh) e[key + ".BandLow"] = $"{t.Year} yılı alt sınırı üst sınırdan büyük olamaz.";
        }
        return e;
    }

    private static void Text(Dictionary<string, string> e, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) e[field] = missing;
        else if (value.Trim().Length > max) e[field] = $"En fazla {max} karakter olabilir.";
    }

    private static void Weight(Dictionary<string, string> e, string field, double weight)
    {
        if (!double.IsFinite(weight) || weight < 0 || weight > MaxWeight) e[field] = $"Ağırlık 0 ile {MaxWeight:N0} arasında bir sayı olmalı.";
    }
}
