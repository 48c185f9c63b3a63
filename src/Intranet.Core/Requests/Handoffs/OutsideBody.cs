using Intranet.Core.Common;

namespace Intranet.Core.Requests.Handoffs;

/// <summary>What sort of body a request can be handed to.</summary>
public enum OutsideBodyKind
{
    Buyuksehir = 0,
    SuKanalizasyon = 1,
    Dogalgaz = 2,
    Elektrik = 3,
    Kaymakamlik = 4,
    Bakanlik = 5,
    Diger = 6,
}

/// <summary>
/// A body outside the municipality that owns some of what citizens ask for: the metropolitan municipality, water
/// and sewerage, gas, the electricity distributor, the district governorship, a ministry. The registry the desk
/// picks from when a request belongs to someone else.
/// </summary>
public class OutsideBody : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OutsideBodyKind Kind { get; set; }
    /// <summary>The unit or person letters go to ("Müşteri Hizmetleri Daire Başkanlığı").</summary>
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    /// <summary>Where the formal letter is e-mailed; without it the letter goes as a resmî yazı only.</summary>
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>How the formal letter reaches the body.</summary>
public enum LetterDelivery
{
    /// <summary>E-mailed from the app (recorded in the outbox).</summary>
    EPosta = 0,
    /// <summary>A resmî yazı sent through the document system or by post; the app records and prints it.</summary>
    ResmiYazi = 1,
}

/// <summary>How the citizen is told who now handles their request.</summary>
public enum CitizenNotice
{
    Sms = 0,
    EPosta = 1,
    /// <summary>Told on the phone by the person forwarding; recorded, nothing sent.</summary>
    Telefon = 2,
    /// <summary>Anonymous request: nobody to tell.</summary>
    Yok = 3,
}

/// <summary>
/// A request forwarded to an outside body: its own outcome (<see cref="RequestStatus.DisKurumaYonlendirildi"/>),
/// never counted as solved. Holds the letter, how the citizen was told, and the desk's follow-up.
/// </summary>
public class RequestHandoff : IVersioned, IAudited
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Request? Request { get; set; }
    public int OutsideBodyId { get; set; }
    public OutsideBody? OutsideBody { get; set; }
    public LetterDelivery Delivery { get; set; }
    public required string LetterSubject { get; set; }
    /// <summary>The letter's own paragraph, as the person forwarding wrote or accepted it (see <see cref="HandoffLetter"/>).</summary>
    public required string LetterText { get; set; }
    public CitizenNotice CitizenNotice { get; set; }
    public string? CitizenText { get; set; }
    public DateTime ForwardedAt { get; set; }
    public int? ForwardedById { get; set; }
    public required string ForwardedBy { get; set; }
    /// <summary>When the desk asks the body where the matter stands; null when no follow-up is wanted.</summary>
    public DateOnly? FollowUpOn { get; set; }
    public DateTime? FollowUpDoneAt { get; set; }
    /// <summary>What the body said when followed up.</summary>
    public string? BodyResponse { get; set; }
    public Guid Version { get; set; }
}

public static class HandoffText
{
    public static string Name(this OutsideBodyKind k) => k switch
    {
        OutsideBodyKind.Buyuksehir => "Büyükşehir Belediyesi",
        OutsideBodyKind.SuKanalizasyon => "Su ve Kanalizasyon",
        OutsideBodyKind.Dogalgaz => "Doğal Gaz",
        OutsideBodyKind.Elektrik => "Elektrik Dağıtım",
        OutsideBodyKind.Kaymakamlik => "Kaymakamlık / Valilik",
        OutsideBodyKind.Bakanlik => "Bakanlık",
        OutsideBodyKind.Diger => "Diğer Kurum",
        _ => k.ToString(),
    };

    public static string Name(this LetterDelivery d) => d == LetterDelivery.EPosta ? "E-posta ile yazı" : "Resmî yazı (EBYS / posta)";

    public static string Name(this CitizenNotice n) => n switch
    {
        CitizenNotice.Sms => "SMS",
        CitizenNotice.EPosta => "E-posta",
        CitizenNotice.Telefon => "Telefonla bildirildi",
        CitizenNotice.Yok => "Bildirilmedi (anonim başvuru)",
        _ => n.ToString(),
    };
}
