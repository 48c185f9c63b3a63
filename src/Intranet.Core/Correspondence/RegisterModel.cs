using Intranet.Core.Common;

namespace Intranet.Core.Correspondence;

public enum RegisterDirection
{
    Gelen = 0,
    Giden = 1,
}

/// <summary>Who a document comes from or goes to.</summary>
public enum PartyKind
{
    Muhtar = 0,
    Kurum = 1,
    /// <summary>A citizen's petition (dilekçe, Law 3071: answered within 30 days).</summary>
    Vatandas = 2,
    Diger = 3,
}

/// <summary>The kind of an outgoing letter.</summary>
public enum LetterKind
{
    Tebrik = 0,
    Taziye = 1,
    Tesekkur = 2,
    Davet = 3,
    Cevap = 4,
    Diger = 5,
}

/// <summary>
/// One line of the evrak kayıt defteri: an incoming document or an outgoing letter, with its register number (sayı),
/// gap-free per direction and year (<see cref="YearlySequence"/>), its routing (havale) and what became of it.
/// </summary>
public class RegisterEntry : IVersioned, IAudited
{
    public int Id { get; set; }
    public RegisterDirection Direction { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>"GLN-2026-00012" or "GDN-2026-00012".</summary>
    public required string Number { get; set; }
    /// <summary>The date written on the document.</summary>
    public DateOnly DocumentDate { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>Istanbul day of <see cref="RegisteredAt"/>, for searching by date in SQL.</summary>
    public DateOnly RegisteredOn { get; set; }
    public PartyKind PartyKind { get; set; }
    public required string PartyName { get; set; }
    public string? PartyAddress { get; set; }
    public int? MuhtarId { get; set; }
    /// <summary>The sender's own number, on incoming documents.</summary>
    public string? ExternalNumber { get; set; }
    public LetterKind? LetterKind { get; set; }
    public required string Subject { get; set; }
    /// <summary>The text of an outgoing letter, placeholders filled.</summary>
    public string? Body { get; set; }
    public int? TemplateId { get; set; }
    /// <summary>Folded party, subject and number, so search matches "sukru" to "Şükrü" in SQL.</summary>
    public string SearchKey { get; set; } = "";
    public int? DirectorateId { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime? RoutedAt { get; set; }
    public int? RequestId { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletionNote { get; set; }
    public required string CreatedBy { get; set; }
    public List<RegisterAttachment> Attachments { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A scan of an incoming document or a signed copy of an outgoing one.</summary>
public class RegisterAttachment
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>An outgoing letter's template: {AdSoyad}-style placeholders filled when the letter is written.</summary>
public class LetterTemplate : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public LetterKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

public static class RegisterText
{
    public static string Name(this RegisterDirection d) => d == RegisterDirection.Gelen ? "Gelen" : "Giden";

    public static string Name(this PartyKind k) => k switch
    {
        PartyKind.Muhtar => "Muhtarlık",
        PartyKind.Kurum => "Kamu kurumu",
        PartyKind.Vatandas => "Vatandaş dilekçesi (3071)",
        PartyKind.Diger => "Diğer",
        _ => k.ToString(),
    };

    public static string Name(this LetterKind k) => k switch
    {
        LetterKind.Tebrik => "Tebrik",
        LetterKind.Taziye => "Taziye",
        LetterKind.Tesekkur => "Teşekkür",
        LetterKind.Davet => "Davet",
        LetterKind.Cevap => "Cevap yazısı",
        LetterKind.Diger => "Diğer",
        _ => k.ToString(),
    };

    /// <summary>"GLN-2026-00012": direction, year, sequence within the direction's year.</summary>
    public static string Format(RegisterDirection direction, int year, int sequence) =>
        $"{(direction == RegisterDirection.Gelen ? "GLN" : "GDN")}-{year}-{sequence:D5}";
}
