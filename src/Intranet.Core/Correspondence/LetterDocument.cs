using Intranet.Core.Common;

namespace Intranet.Core.Correspondence;

/// <summary>Who signs the letters and how the letterhead reads (config section <c>Correspondence</c>).</summary>
public sealed record CorrespondenceOptions
{
    public const string Section = "Correspondence";

    public string Institution { get; init; } = "KAĞITHANE BELEDİYE BAŞKANLIĞI";
    public string Unit { get; init; } = "Özel Kalem Müdürlüğü";
    public string Signatory { get; init; } = "Belediye Başkanı";
}

/// <summary>An outgoing letter as a Word document laid out the way Turkish official letters are: ready to print and sign.</summary>
public static class LetterDocument
{
    public static byte[] Build(RegisterEntry letter, CorrespondenceOptions options)
    {
        var docx = new DocxBuilder()
            .Paragraph("T.C.", bold: true, centered: true)
            .Paragraph(options.Institution, bold: true, centered: true)
            .Paragraph(options.Unit, bold: true, centered: true)
            .Blank()
            .Paragraph($"Sayı : {letter.Number}")
            .Paragraph($"Tarih: {letter.DocumentDate.ToString("dd.MM.yyyy", TurkishText.Culture)}", right: true)
            .Paragraph($"Konu : {letter.Subject}")
            .Blank()
            .Paragraph(TurkishText.ToUpper($"Sayın {letter.PartyName}"), bold: true, centered: true);
        if (letter.PartyAddress is { } address) docx.Paragraph(address, centered: true);
        docx.Blank();
        foreach (var paragraph in (letter.Body ?? "").ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            docx.Paragraph(paragraph.Trim(), justified: true, indent: true);
        return docx.Blank().Blank()
            .Paragraph("(İmza)", right: true)
            .Paragraph(options.Signatory, bold: true, right: true)
            .ToBytes();
    }
}
