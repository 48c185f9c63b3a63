using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Press;

namespace Intranet.Core.Seeding;

/// <summary>
/// The press office's demo data: fictional outlets (no feed URLs, so the poller leaves them alone), keyword rules,
/// 200 clippings over the last month, a journalist contact list and three press releases. Its own random stream, so
/// the rest of the demo does not depend on how many draws the press data takes.
/// </summary>
internal static class DemoPress
{
    /// <summary>The demo municipality's mayor: fictional, like every person in the demo.</summary>
    public const string MayorName = "Selçuk Dereli";

    // Fictional outlets: demo clippings must never read as real reporting by a real newspaper.
    private static readonly (string Name, PressSourceKind Kind)[] Sources =
    [
        ("Kağıthane Postası", PressSourceKind.YerelGazete), ("Haliç Haber", PressSourceKind.YerelGazete),
        ("İstanbul Ekspres", PressSourceKind.UlusalGazete), ("Marmara Gündem", PressSourceKind.UlusalGazete),
        ("Günaydın Türkiye", PressSourceKind.UlusalGazete), ("Boğaziçi TV", PressSourceKind.Televizyon),
        ("Kent FM", PressSourceKind.Radyo), ("Ufuk Haber Ajansı", PressSourceKind.Ajans),
        ("Kağıthane Gündem", PressSourceKind.WebSitesi), ("Şehir Haber", PressSourceKind.WebSitesi),
    ];

    private static readonly (string Title, string Topic, Tone Tone, string? Directorate)[] Stories =
    [
        ("Kağıthane Belediyesi {mahalle} Mahallesinde yeni parkı hizmete açtı", "Park ve Bahçeler", Tone.Olumlu, "PARK"),
        ("{mahalle} Mahallesinde asfalt yenileme çalışmaları tamamlandı", "Fen İşleri", Tone.Olumlu, "FEN"),
        ("Kağıthane'de ihtiyaç sahibi ailelere gıda desteği: {mahalle} ilk durak", "Sosyal Yardım", Tone.Olumlu, "SOS"),
        ("{mahalle} Mahallesine yeni kütüphane ve etüt merkezi", "Kültür", Tone.Olumlu, "KULT"),
        ("Başkan Dereli {mahalle} Mahallesi sakinleriyle bir araya geldi", "Başkanlık", Tone.Olumlu, null),
        ("Kağıthane'de sokak hayvanları için mama istasyonları {mahalle} Mahallesinde", "Veteriner", Tone.Olumlu, "VET"),
        ("{mahalle} Mahallesinde çöpler günlerdir toplanmıyor", "Temizlik", Tone.Olumsuz, "TEM"),
        ("{mahalle} sakinleri bozuk yollardan şikâyetçi", "Fen İşleri", Tone.Olumsuz, "FEN"),
        ("Kağıthane'de kaçak kat iddiası: {mahalle} Mahallesinde inceleme", "İmar", Tone.Olumsuz, "IMAR"),
        ("{mahalle} Mahallesinde başıboş köpek tedirginliği", "Veteriner", Tone.Olumsuz, "VET"),
        ("{mahalle} Mahallesinde otopark sorunu büyüyor", "Ulaşım", Tone.Olumsuz, "ULAS"),
        ("Yağmur sonrası {mahalle} Mahallesinde sokaklar göle döndü", "Altyapı", Tone.Olumsuz, "ALT"),
        ("Kağıthane Belediye Meclisi toplandı: {mahalle} için imar planı gündemde", "Meclis", Tone.Notr, null),
        ("{mahalle} Mahallesinde kentsel dönüşüm çalışmaları sürüyor", "İmar", Tone.Notr, "IMAR"),
        ("{mahalle} Mahallesinde yol çalışması nedeniyle trafik düzenlemesi", "Ulaşım", Tone.Notr, "ULAS"),
        ("Kağıthane'de kış hazırlıkları: ekipler {mahalle} Mahallesinde tatbikat yaptı", "Fen İşleri", Tone.Notr, "FEN"),
    ];

    public static async Task SeedAsync(IntranetDbContext db, IReadOnlyDictionary<string, Directorate> directorates, string[] neighbourhoods,
        DateTime now, CancellationToken ct)
    {
        var rng = new Random(1923);
        var sources = Sources.Select(s => new PressSource { Name = s.Name, Kind = s.Kind, PollMinutes = 30, Enabled = true }).ToList();
        db.PressSources.AddRange(sources);
        db.PressKeywordRules.AddRange(Rules(directorates, neighbourhoods));
        await db.SaveChangesAsync(ct);
        // In the order they reached the archive, as the poller and the press office add them (ids follow capture time).
        db.PressClippings.AddRange(Clippings(rng, now, sources, neighbourhoods, directorates).OrderBy(c => c.CapturedAt).ToList());

        var journalists = Journalists(rng).ToList();
        db.Journalists.AddRange(journalists);
        await db.SaveChangesAsync(ct);
        db.PressReleases.AddRange(Releases(now, journalists));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<PressKeywordRule> Rules(IReadOnlyDictionary<string, Directorate> dirs, string[] neighbourhoods) =>
    [
        new() { Name = "Belediye adı", Terms = "Kağıthane Belediye*\nKağıthane Belediyesi" },
        new() { Name = "Belediye Başkanı", Terms = $"{MayorName}\nBaşkan Dereli", DirectorateId = dirs["OZK"].Id },
        // Real-estate ads name the district in every line: excluded.
        new() { Name = "Kağıthane (ilçe)", Terms = "Kağıthane", ExcludeTerms = "satılık\nkiralık\nemlak ilanı" },
        // "Çağlayan" is also İstanbul's courthouse: court news is not about the municipality.
        new() { Name = "Mahalleler", Terms = string.Join('\n', neighbourhoods.Select(n => n + " Mahalle*")), ExcludeTerms = "Çağlayan Adliyesi\nadliye" },
        new() { Name = "Kağıthane Deresi", Terms = "Kağıthane Deresi\nKağıthane Çayı", DirectorateId = dirs["FEN"].Id },
        new() { Name = "Çöp ve temizlik şikâyetleri", Terms = "çöp*\ntemizlik", ExcludeTerms = "temizlik malzemesi", DirectorateId = dirs["TEM"].Id, Enabled = false },
    ];

    private static IEnumerable<PressClipping> Clippings(Random rng, DateTime now, List<PressSource> sources, string[] neighbourhoods,
        IReadOnlyDictionary<string, Directorate> dirs)
    {
        var seen = new HashSet<(int, string)>();
        for (var i = 0; seen.Count < 200; i++)
        {
            var source = DemoNames.Pick(rng, sources);
            var story = DemoNames.Pick(rng, Stories);
            var title = story.Title.Replace("{mahalle}", DemoNames.Pick(rng, neighbourhoods));
            var published = now.AddMinutes(-rng.Next(10, 30 * 24 * 60));
            var print = source.Kind is PressSourceKind.UlusalGazete or PressSourceKind.YerelGazete;
            var broadcast = source.Kind is PressSourceKind.Televizyon or PressSourceKind.Radyo;
            var importance = story.Tone == Tone.Olumsuz ? rng.Next(2, 6) : rng.Next(1, 5);
            var columnist = print && rng.Next(5) == 0 ? DemoNames.FullName(rng) : null;
            var clipping = new PressClipping
            {
                SourceId = source.Id,
                Kind = print ? ClippingKind.Basili : broadcast ? (source.Kind == PressSourceKind.Radyo ? ClippingKind.Radyo : ClippingKind.Televizyon) : ClippingKind.Internet,
                Title = title,
                Summary = $"{source.Name} muhabirinin haberine göre: {title}. Konuyla ilgili belediyeden açıklama beklendiği belirtildi.",
                Url = print || broadcast ? null : $"https://{TurkishText.Fold(source.Name).Replace(" ", "")}.example/haber/{published:yyyyMMdd}-{i}",
                PublishedAt = published,
                CapturedAt = Min(published.AddMinutes(rng.Next(5, 180)), now),
                CapturedBy = print || broadcast ? "Sevgi Öğüt" : null,
                Tone = story.Tone,
                Topic = story.Topic,
                Importance = importance,
                NeedsAnswer = story.Tone == Tone.Olumsuz && importance >= 4,
                DirectorateIds = story.Directorate is { } code ? IdList.Format([dirs[code].Id]) : null,
                MatchedRules = title.Contains("Belediye", StringComparison.Ordinal) ? "Belediye adı" : title.Contains("Başkan", StringComparison.Ordinal) ? "Belediye Başkanı" : "Mahalleler",
                Page = print ? $"Sayfa {rng.Next(1, 24)}" : null,
                Columnist = columnist,
                Program = broadcast ? (source.Kind == PressSourceKind.Radyo ? "Kent Gündemi" : "Akşam Haberleri") : null,
                // The older ones were triaged by the press office; the last two days wait for a look.
                ReviewedAt = published < now.AddDays(-2) ? published.AddHours(3) : null,
                ReviewedBy = published < now.AddDays(-2) ? "Sevgi Öğüt" : null,
            };
            ClippingKeys.Apply(clipping);
            if (seen.Add((source.Id, clipping.TitleKey))) yield return clipping;
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static readonly string[] Outlets =
        ["Kağıthane Postası", "Haliç Haber", "İstanbul Ekspres", "Marmara Gündem", "Günaydın Türkiye", "Boğaziçi TV", "Kent FM", "Ufuk Haber Ajansı"];

    private static IEnumerable<Journalist> Journalists(Random rng)
    {
        for (var i = 0; i < 12; i++)
        {
            var name = DemoNames.FullName(rng);
            yield return new Journalist
            {
                FullName = name,
                Outlet = Outlets[i % Outlets.Length],
                Phone = DemoNames.Mobile(rng),
                Email = $"{DemoData.MailboxOf(name)}@{DemoData.MailDomain}",
                IsActive = i != 11,
            };
        }
    }

    private static IEnumerable<PressRelease> Releases(DateTime now, List<Journalist> journalists)
    {
        var all = IdList.Format(journalists.Where(j => j.IsActive).Select(j => j.Id)) ?? "";
        yield return new PressRelease
        {
            Title = "Kağıthane'de kış hazırlıkları tamamlandı",
            Body = "Kağıthane Belediyesi Fen İşleri ve Temizlik İşleri müdürlükleri kış mevsimine hazır. Tuzlama araçları, iş makineleri ve 7/24 çalışan ekipler kar ve buzlanmaya karşı teyakkuzda.",
            Status = PressReleaseStatus.Gonderildi, PublishAt = now.AddDays(-6), RecipientIds = all, CreatedAt = now.AddDays(-8), CreatedBy = "Sevgi Öğüt",
            SubmittedAt = now.AddDays(-8), DecidedAt = now.AddDays(-7), DecidedBy = "Şebnem Güldağ", SentAt = now.AddDays(-6), SentCount = 11,
        };
        yield return new PressRelease
        {
            Title = "Gültepe Kütüphanesi hafta sonu da açık",
            Body = "Öğrencilerin sınav dönemindeki yoğun talebi üzerine Gültepe Kütüphanesi ve Etüt Merkezi hafta sonları da 09.00–22.00 saatleri arasında hizmet verecek.",
            Status = PressReleaseStatus.OnayBekliyor, PublishAt = now.AddDays(2), RecipientIds = all, CreatedAt = now.AddDays(-1), CreatedBy = "Sevgi Öğüt",
            SubmittedAt = now.AddHours(-20),
        };
        yield return new PressRelease
        {
            Title = "Cumhuriyet Bayramı kutlama programı",
            Body = "Taslak: program saatleri ilgili müdürlüklerden gelince tamamlanacak.",
            Status = PressReleaseStatus.Taslak, CreatedAt = now.AddHours(-3), CreatedBy = "Sevgi Öğüt",
        };
    }
}
