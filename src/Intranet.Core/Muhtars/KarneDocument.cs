using Intranet.Core.Common;
using Intranet.Core.Requests;

namespace Intranet.Core.Muhtars;

/// <summary>The mahalle karnesi as a Word document to take to the muhtar meeting: the same figures as the page.</summary>
public static class KarneDocument
{
    public static byte[] Build(NeighbourhoodReport r)
    {
        var t = r.Totals;
        var docx = new DocxBuilder()
            .Heading($"{r.Name} Mahallesi Karnesi", 32, centered: true)
            .Paragraph($"Dönem: {Day(r.From)} – {Day(r.To)}", centered: true)
            .Paragraph($"Muhtar: {r.Muhtar ?? "kayıtlı değil"} · Nüfus: {(r.Population is { } p ? p.ToString("N0", TurkishText.Culture) : "—")}", centered: true)
            .Blank()
            .Heading("Özet", 26)
            .Table(["Gösterge", "Değer"],
            [
                ["Alınan başvuru", N(t.Total)], ["Açık", N(t.Open)], ["Çözülen", N(t.Resolved)], ["Süresi geçen (açık)", N(t.Overdue)],
                ["Medyan çözüm süresi (saat)", Hours(t.MedianResolutionHours)],
                ["1.000 kişi başına başvuru", r.PerThousand is { } k ? k.ToString("N1", TurkishText.Culture) : "—"],
                ["Mahalle ziyareti", N(r.NeighbourhoodVisits)], ["Muhtar toplantısı", N(r.Meetings)], ["Etkinlik", N(r.Events.Count)],
                ["Basında yer alma", N(r.Clippings.Count)],
            ]);
        Breakdown(docx, "Konulara göre", "Konu", r.ByCategory);
        Breakdown(docx, "Müdürlüklere göre", "Müdürlük", r.ByDirectorate);
        if (r.Overdue.Count > 0)
            docx.Heading("Süresi geçen açık başvurular", 26)
                .Table(["Numara", "Konu", "Müdürlük", "Durum", "Son tarih"],
                    r.Overdue.Select(o => (IReadOnlyList<string>)[o.Number, o.Category, o.Directorate ?? "—", o.Status.Name(), IstanbulTime.Format(o.DueAt)]));
        if (r.WorkDone.Count > 0)
            docx.Heading("Dönemde yapılan işler", 26)
                .Table(["Numara", "Konu", "Müdürlük", "Çözüldü", "Yapılan iş"],
                    r.WorkDone.Select(w => (IReadOnlyList<string>)[w.Number, w.Category, w.Directorate ?? "—", IstanbulTime.Format(w.ResolvedAt), w.Resolution ?? "—"]));
        if (r.Visits.Count > 0)
            docx.Heading("Ziyaret ve toplantılar", 26)
                .Table(["Tarih", "Tür", "Başlık", "Alınan talep"],
                    r.Visits.Select(v => (IReadOnlyList<string>)[IstanbulTime.Format(v.StartsAt), v.Kind.Name(), v.Title, N(v.Raised)]));
        if (r.Clippings.Count > 0)
            docx.Heading("Basında mahalle", 26)
                .Table(["Tarih", "Kaynak", "Başlık"], r.Clippings.Select(c => (IReadOnlyList<string>)[IstanbulTime.Format(c.PublishedAt), c.Source ?? "—", c.Title]));
        return docx.ToBytes();
    }

    private static void Breakdown(DocxBuilder docx, string title, string column, IReadOnlyList<RequestStatisticsRow> rows)
    {
        if (rows.Count == 0) return;
        docx.Heading(title, 26).Table([column, "Toplam", "Açık", "Çözülen", "Süresi geçen", "Medyan (saat)"],
            rows.Select(x => (IReadOnlyList<string>)[x.Name, N(x.Total), N(x.Open), N(x.Resolved), N(x.Overdue), Hours(x.MedianResolutionHours)]));
    }

    public static string N(int n) => n.ToString("N0", TurkishText.Culture);
    public static string Hours(double? h) => h is { } v ? v.ToString("N1", TurkishText.Culture) : "—";
    public static string Day(DateOnly d) => d.ToString("dd.MM.yyyy", TurkishText.Culture);
}
