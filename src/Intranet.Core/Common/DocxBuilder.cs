using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Intranet.Core.Common;

/// <summary>
/// A small Word (.docx) writer for documents people print: official letters and the mahalle karnesi. A4, 2.5 cm
/// margins, Times New Roman 12 pt as Turkish official correspondence is written; paragraphs, headings and simple tables.
/// </summary>
public sealed class DocxBuilder
{
    private const string Font = "Times New Roman";
    private readonly List<OpenXmlElement> _content = [];

    public DocxBuilder Heading(string text, int halfPoints = 28, bool centered = false) =>
        Add(Para(text, bold: true, halfPoints, centered ? JustificationValues.Center : null, spacingAfter: 120));

    public DocxBuilder Paragraph(string text, bool bold = false, bool centered = false, bool right = false, bool justified = false, bool indent = false)
    {
        return Add(Para(text, bold, 24, centered ? JustificationValues.Center : right ? JustificationValues.Right : justified ? JustificationValues.Both : null,
            spacingAfter: 60, indent));
    }

    public DocxBuilder Blank() => Add(new Paragraph());

    /// <summary>A table with a bold header row and thin borders.</summary>
    public DocxBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(headers, bold: true));
        foreach (var row in rows) table.Append(Row(row, bold: false));
        _content.Add(table);
        return Blank();
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var element in _content) body.Append(element.CloneNode(true));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1417, Bottom = 1417, Left = 1417, Right = 1417, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The text of every paragraph of a .docx, for reading a generated file back.</summary>
    public static IReadOnlyList<string> ReadParagraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    private DocxBuilder Add(OpenXmlElement element)
    {
        _content.Add(element);
        return this;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Para(c, bold, 20, null, spacingAfter: 0))));

    private static Paragraph Para(string text, bool bold, int halfPoints, JustificationValues? align, int spacingAfter, bool indent = false)
    {
        // Schema order inside pPr: spacing, ind, jc.
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = spacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (indent) properties.Append(new Indentation { FirstLine = "709" });
        if (align is { } a) properties.Append(new Justification { Val = a });
        var paragraph = new Paragraph(properties);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run(new RunProperties(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                bold ? new Bold() : new Bold { Val = false },
                new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }
        return paragraph;
    }
}
