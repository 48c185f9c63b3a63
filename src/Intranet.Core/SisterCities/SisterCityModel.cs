using Intranet.Core.Common;

namespace Intranet.Core.SisterCities;

/// <summary>
/// The steps of the kardeş şehir process, in order. The two ministry steps apply to cities abroad only (the
/// Ministry of Interior's permission is needed before a protocol with a foreign municipality).
/// </summary>
public enum SisterCityStep
{
    Belirlendi = 0,
    BakanlikIzniIstendi = 1,
    BakanlikIzniAlindi = 2,
    ResmiYazisma = 3,
    MeclisHavale = 4,
    KomisyonRaporu = 5,
    MeclisKarari = 6,
    ProtokolImzalandi = 7,
    Arsivlendi = 8,
}

/// <summary>A candidate or partner city with its contact.</summary>
public class SisterCity : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Country { get; set; }
    public required string City { get; set; }
    public bool IsAbroad { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Notes { get; set; }
    public List<SisterCityStepRecord> Steps { get; set; } = [];
    public List<SisterCityActivity> Activities { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>One step taken, with its date, its document (a register number or a council decision number) and notes.</summary>
public class SisterCityStepRecord : IVersioned, IAudited
{
    public int Id { get; set; }
    public int SisterCityId { get; set; }
    public SisterCityStep Step { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>A document outside the register, e.g. "Meclis Kararı 2026/45".</summary>
    public string? DocumentReference { get; set; }
    /// <summary>The official letter of the step, when it is in the correspondence register.</summary>
    public int? RegisterEntryId { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A joint activity after the protocol: a visit, a festival, a project.</summary>
public class SisterCityActivity : IVersioned, IAudited
{
    public int Id { get; set; }
    public int SisterCityId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public Guid Version { get; set; }
}

public static class SisterCityText
{
    public static string Name(this SisterCityStep s) => s switch
    {
        SisterCityStep.Belirlendi => "Şehir belirlendi",
        SisterCityStep.BakanlikIzniIstendi => "Bakanlık izni istendi",
        SisterCityStep.BakanlikIzniAlindi => "Bakanlık izni alındı",
        SisterCityStep.ResmiYazisma => "Resmî yazışma başladı",
        SisterCityStep.MeclisHavale => "Belediye meclisine havale edildi",
        SisterCityStep.KomisyonRaporu => "Komisyon raporu",
        SisterCityStep.MeclisKarari => "Meclis kararı",
        SisterCityStep.ProtokolImzalandi => "Protokol imzalandı",
        SisterCityStep.Arsivlendi => "Arşivlendi",
        _ => s.ToString(),
    };

    /// <summary>The steps that apply to a city: the ministry's permission only for a city abroad.</summary>
    public static IReadOnlyList<SisterCityStep> StepsFor(bool abroad) =>
        Enum.GetValues<SisterCityStep>()
            .Where(s => abroad || s is not (SisterCityStep.BakanlikIzniIstendi or SisterCityStep.BakanlikIzniAlindi))
            .ToList();
}
