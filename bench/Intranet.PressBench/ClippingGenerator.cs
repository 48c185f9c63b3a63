using Intranet.Core.Common;
using Intranet.Core.Press;

namespace Intranet.PressBench;

/// <summary>
/// Believable clippings at volume: Turkish headlines from templates with real Kağıthane neighbourhoods, topics and a
/// few hundred everyday words, summaries of 30–60 words, over three years. Row i reaches the archive at its share of
/// those three years (ids follow capture time, as in the app); one in twenty is a print clipping typed in up to a week
/// after it was published. One seeded Random: the same count gives the same archive.
/// </summary>
public sealed class ClippingGenerator(int sourceCount, DateTime nowUtc, int total)
{
    private readonly Random _rng = new(1908);

    public static readonly string[] Neighbourhoods =
    [
        "Çağlayan", "Çeliktepe", "Emniyet Evleri", "Gültepe", "Gürsel", "Hamidiye", "Harmantepe", "Hürriyet", "Mehmet Akif Ersoy", "Merkez",
        "Nurtepe", "Ortabayır", "Seyrantepe", "Şirintepe", "Sultan Selim", "Talatpaşa", "Telsizler", "Yahya Kemal", "Yeşilce",
    ];

    private static readonly string[] Templates =
    [
        "Kağıthane Belediyesi {m} Mahallesinde yeni {o} açtı", "{m} Mahallesinde {o} çalışmaları tamamlandı", "{m} sakinleri {o} sorunundan şikâyetçi",
        "Başkan Dereli {m} Mahallesinde {o} projesini inceledi", "İSTANBUL'un ilk {o} merkezi {m} Mahallesinde", "Kağıthane'de {o} için yeni dönem",
        "{m}'de {o} tartışması büyüyor", "Belediye meclisi {m} için {o} kararı aldı", "Istanbul genelinde {o} düzenlemesi: Kağıthane de listede",
        "{m} Mahallesinde {o} nedeniyle trafik düzenlemesi", "Kağıthane Deresi çevresinde {o} çalışması", "istanbul'da {o} yarışması: {m} birinci oldu",
    ];

    private static readonly string[] Objects =
    [
        "park", "kreş", "kütüphane", "asfalt", "otopark", "çöp", "su kesintisi", "kentsel dönüşüm", "spor salonu", "sağlık ocağı", "bisiklet yolu",
        "kültür merkezi", "pazar yeri", "aşevi", "taziye evi", "çocuk oyun alanı", "yağmur suyu kanalı", "sokak hayvanları", "kaldırım", "aydınlatma",
    ];

    private static readonly string[] Topics =
    [
        "Altyapı", "Başkanlık", "Çevre", "Eğitim", "Fen İşleri", "İmar", "Kentsel Dönüşüm", "Kültür", "Meclis", "Park ve Bahçeler", "Sağlık",
        "Sosyal Yardım", "Spor", "Temizlik", "Ulaşım", "Veteriner", "Zabıta",
    ];

    private static readonly string[] Words =
    [
        "belediye", "mahalle", "vatandaş", "çalışma", "proje", "ekip", "hizmet", "açıklama", "muhtar", "sokak", "cadde", "yol", "bina", "okul",
        "öğrenci", "aile", "çocuk", "yaşlı", "esnaf", "pazar", "çarşı", "meydan", "tören", "açılış", "ziyaret", "toplantı", "karar", "bütçe",
        "ihale", "yatırım", "dönüşüm", "konut", "deprem", "güvenlik", "zabıta", "ekipler", "temizlik", "çevre", "ağaç", "fidan", "yeşil", "alan",
        "spor", "turnuva", "konser", "sergi", "tiyatro", "festival", "kitap", "kurs", "sertifika", "istihdam", "destek", "yardım", "gıda",
        "kış", "kar", "yağmur", "sel", "taşkın", "dere", "köprü", "tünel", "metro", "otobüs", "durak", "trafik", "otopark", "bisiklet",
        "engelli", "erişim", "sağlık", "hastane", "aşı", "veteriner", "kedi", "köpek", "mama", "barınak", "gürültü", "şikâyet", "talep",
        "ilçe", "İstanbul", "Kağıthane", "Şişli", "Beşiktaş", "Eyüpsultan", "Sarıyer", "başkan", "yardımcısı", "müdürlük", "meclis", "üyesi",
    ];

    private readonly string[] _columnists = Enumerable.Range(0, 40).Select(i => $"Yazar {i}").ToArray();

    // News text has a long tail: names, places and words that occur a handful of times. 30,000 made-up words of Turkish
    // syllables, drawn with a Zipf-like skew, give the index (and PostgreSQL's statistics) that tail.
    private static readonly string[] Syllables =
        ["ka", "ğı", "tha", "ne", "be", "le", "di", "ye", "ça", "ğa", "lay", "an", "gül", "te", "pe", "şi", "rin", "ör", "nek", "mu", "hi", "tar", "öz", "dem", "ir", "ay", "sel", "kö", "prü", "yıl"];
    private readonly string[] _tail = MakeTail(30_000);

    private static string[] MakeTail(int count)
    {
        var rng = new Random(1071);
        return Enumerable.Range(0, count)
            .Select(_ => string.Concat(Enumerable.Range(0, rng.Next(2, 5)).Select(_ => Syllables[rng.Next(Syllables.Length)])))
            .ToArray();
    }

    private string TailWord() => _tail[(int)(_tail.Length * Math.Pow(_rng.NextDouble(), 3))];

    public PressClipping Next(int i)
    {
        var m = Pick(Neighbourhoods);
        var title = Pick(Templates).Replace("{m}", m).Replace("{o}", Pick(Objects));
        var words = _rng.Next(30, 60);
        var summary = string.Join(' ', Enumerable.Range(0, words).Select(w => w % 5 == 4 ? TailWord() : Pick(Words))) + ".";
        var span = TimeSpan.FromDays(3 * 365);
        var captured = nowUtc - span + span * ((i + 0.5) / total);
        var late = _rng.Next(20) == 0;
        var published = captured.AddMinutes(-(late ? _rng.Next(60, 7 * 24 * 60) : _rng.Next(5, 240)));
        var tone = (Tone)_rng.Next(3);
        var c = new PressClipping
        {
            SourceId = 1 + _rng.Next(sourceCount),
            Kind = late ? ClippingKind.Basili : ClippingKind.Internet,
            Title = title,
            Summary = summary,
            Url = $"https://haber{_rng.Next(40)}.example/{published:yyyy/MM/dd}/{i}",
            PublishedAt = published,
            CapturedAt = captured,
            Tone = tone,
            Topic = Pick(Topics),
            Importance = _rng.Next(0, 6),
            NeedsAnswer = tone == Tone.Olumsuz && _rng.Next(8) == 0,
            DirectorateIds = _rng.Next(3) == 0 ? $",{_rng.Next(1, 16)}," : null,
            MatchedRules = "Belediye adı",
            Columnist = _rng.Next(10) == 0 ? Pick(_columnists) : null,
            Version = Guid.NewGuid(),
        };
        ClippingKeys.Apply(c);
        // Templates repeat: the dedupe key gets the row number so a source may carry many alike headlines.
        c.TitleKey = ClippingKeys.Truncate(c.TitleKey, 480) + "#" + i;
        return c;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];
}
