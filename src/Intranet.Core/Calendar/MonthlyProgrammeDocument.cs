using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Intranet.Core.Common;

namespace Intranet.Core.Calendar;

/// <summary>
/// The monthly programme as a Word document (DOCX, Open XML SDK): landscape A4, one table with a header row that
/// repeats on every page, Turkish as the proofing language, so it prints and can be edited before it is sent out.
/// </summary>
public static class MonthlyProgrammeDocument
{
    public static readonly string[] Headers = ["Tarih", "Saat", "Etkinlik", "Tür", "Düzenleyen", "Yer", "Başkan"];
    // Column widths in twentieths of a point, summing to the landscape text width (29.7 cm − 2 × 1.5 cm).
    private static readonly int[] Widths = [1700, 1300, 4400, 1700, 2400, 2800, 820];

    public static void Write(Stream stream, MonthlyProgramme programme)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body(
            Paragraph(MonthlyProgramme.Organisation, bold: true, size: 24),
            Paragraph(programme.Title, bold: true, size: 32),
            Paragraph($"Tüm müdürlüklerin kamuya açık etkinlikleri · saatler İstanbul saatiyle · {programme.Items.Count} etkinlik", size: 18));
        if (programme.Items.Count == 0) body.Append(Paragraph("Bu ay için planlanmış kamuya açık etkinlik yok.", size: 20));
        else body.Append(Table(programme));
        body.Append(new SectionProperties(
            new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 850, Bottom = 850, Left = 850, Right = 850, Header = 425, Footer = 425, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table Table(MonthlyProgramme programme)
    {
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(borders, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(Headers, header: true));
        foreach (var item in programme.Items)
            table.Append(Row([
                item.Day.ToString("dd.MM.yyyy dddd", TurkishText.Culture), item.Hours, item.Title, item.Type.Name(),
                item.Directorate ?? "—", item.Place ?? "—", item.MayorAttends ? "Katılıyor" : "",
            ], header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        // The header row repeats on every printed page and a row never splits across pages.
        row.Append(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (header) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3", Color = "auto" });
            row.Append(new TableCell(properties, Paragraph(cells[i], bold: header, size: 18)));
        }
        return row;
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 20)
    {
        var run = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) run.PrependChild(new Bold());
        return new Paragraph(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunProperties(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new Languages { Val = "tr-TR" })),
            new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "60" }))));
        styles.Styles.Save();
    }
}
