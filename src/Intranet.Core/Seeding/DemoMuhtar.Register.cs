using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Core.Organization;
using Intranet.Core.SisterCities;

namespace Intranet.Core.Seeding;

internal static partial class DemoMuhtar
{
    public static readonly (string Name, LetterKind Kind, string Subject, string Body)[] Templates =
    [
        ("Bayram tebriği", LetterKind.Tebrik, "Bayram Tebriği",
            "Sayın {AdSoyad},\n\n{Bayram} münasebetiyle en içten tebriklerimi sunar, sağlık ve mutluluk dolu nice bayramlar dilerim.\n\nSaygılarımla."),
        ("Taziye", LetterKind.Taziye, "Taziye",
            "Sayın {AdSoyad},\n\n{Merhum} vefatını derin bir üzüntüyle öğrendim. Merhuma Allah'tan rahmet, ailesine ve yakınlarına başsağlığı dilerim.\n\nSaygılarımla."),
        ("Teşekkür", LetterKind.Tesekkur, "Teşekkür",
            "Sayın {AdSoyad},\n\n{Konu} konusundaki değerli katkılarınız için Kağıthane Belediyesi adına teşekkür ederim.\n\nSaygılarımla."),
        ("Davet", LetterKind.Davet, "Davet: {Etkinlik}",
            "Sayın {AdSoyad},\n\n{EtkinlikTarihi} tarihinde {Yer} adresinde düzenlenecek olan {Etkinlik} programımıza katılımınızı rica ederim.\n\nSaygılarımla."),
        ("Başvuru cevabı", LetterKind.Cevap, "{BasvuruNo} sayılı başvurunuz",
            "Sayın {AdSoyad},\n\n{BasvuruTarihi} tarihli başvurunuz incelenmiştir. {Cevap}\n\nBilgilerinize rica ederim."),
    ];

    private static readonly (PartyKind Kind, string Party, string Subject)[] Incoming =
    [
        (PartyKind.Kurum, "Kağıthane Kaymakamlığı", "29 Ekim Cumhuriyet Bayramı kutlama programı"),
        (PartyKind.Kurum, "İstanbul Büyükşehir Belediyesi", "Ana arter asfalt çalışması koordinasyonu"),
        (PartyKind.Kurum, "Kağıthane İlçe Milli Eğitim Müdürlüğü", "Okul çevresi güvenlik önlemleri"),
        (PartyKind.Vatandas, "Selim Ardıç", "Sokak aydınlatmasının yetersizliği hakkında dilekçe"),
        (PartyKind.Vatandas, "Hülya Baysal", "Komşu parselde izinsiz yapılaşma hakkında dilekçe"),
        (PartyKind.Kurum, "İSKİ Genel Müdürlüğü", "Altyapı çalışması nedeniyle yol kazı izni"),
    ];

    private static async Task SeedRegisterAsync(IntranetDbContext db, Random rng, DateTime now, Dictionary<int, Muhtar> muhtars,
        Dictionary<string, Directorate> directorates, CancellationToken ct)
    {
        var templates = Templates.Select(t => new LetterTemplate { Name = t.Name, Kind = t.Kind, Subject = t.Subject, Body = t.Body }).ToList();
        db.LetterTemplates.AddRange(templates);

        var year = DemoClock.ToIstanbul(now).Year;
        var startOfYear = DemoClock.FromIstanbul(new DateTime(year, 1, 1, 9, 0, 0));
        var span = (now - startOfYear).TotalMinutes;
        var muhtarList = muhtars.Values.ToList();
        var routeTo = new[] { "FEN", "TEM", "PARK", "ZAB", "IMAR" };
        // Twelve incoming documents spread over the year so far, numbered 1..12 in registration order.
        var incoming = Enumerable.Range(0, 12).Select(i => OfficeHours(startOfYear.AddMinutes(span * (i + 0.5) / 12), rng)).ToList();
        for (var i = 0; i < incoming.Count; i++)
        {
            var at = incoming[i];
            var fromMuhtar = i % 3 == 0;
            var sample = Incoming[i % Incoming.Length];
            var muhtar = fromMuhtar ? DemoNames.Pick(rng, muhtarList) : null;
            var routed = i % 2 == 0;
            var day = DemoClock.IstanbulDay(at);
            var entry = new RegisterEntry
            {
                Direction = RegisterDirection.Gelen, Year = year, Sequence = i + 1, Number = RegisterText.Format(RegisterDirection.Gelen, year, i + 1),
                DocumentDate = day.AddDays(-1), RegisteredAt = at, RegisteredOn = day,
                PartyKind = fromMuhtar ? PartyKind.Muhtar : sample.Kind,
                PartyName = muhtar is null ? sample.Party : $"{muhtar.FullName} (Muhtar)", MuhtarId = muhtar?.Id,
                Subject = fromMuhtar ? "Mahallemizin altyapı ve temizlik talepleri" : sample.Subject,
                ExternalNumber = sample.Kind == PartyKind.Kurum && !fromMuhtar ? $"E-{rng.Next(10000000, 99999999)}" : null,
                DirectorateId = routed ? directorates[routeTo[i % routeTo.Length]].Id : null,
                DueOn = routed ? day.AddDays(sample.Kind == PartyKind.Vatandas ? RegisterService.Law3071Days : RegisterService.DefaultDueDays) : null,
                RoutedAt = routed ? at.AddHours(1) : null,
                CompletedAt = routed && i < 6 ? at.AddDays(5) : null, CompletionNote = routed && i < 6 ? "Cevap yazısı gönderildi." : null,
                CreatedBy = "Şebnem Güldağ",
            };
            entry.SearchKey = RegisterService.SearchKeyOf(entry);
            db.RegisterEntries.Add(entry);
        }
        await db.SaveChangesAsync(ct);

        // Six outgoing letters written from the templates.
        for (var i = 0; i < 6; i++)
        {
            var at = OfficeHours(startOfYear.AddMinutes(span * (i + 0.7) / 6), rng);
            var template = Templates[i % 4];
            var muhtar = DemoNames.Pick(rng, muhtarList);
            var number = RegisterText.Format(RegisterDirection.Giden, year, i + 1);
            var values = new Dictionary<string, string?>
            {
                ["AdSoyad"] = muhtar.FullName, ["Bayram"] = "Ramazan Bayramı", ["Merhum"] = "annenizin", ["Konu"] = "Mahalle temizlik kampanyası",
                ["Etkinlik"] = "Muhtarlar Günü", ["EtkinlikTarihi"] = "19.10.2026", ["Yer"] = "Kağıthane Kültür Merkezi",
                [LetterTemplates.NumberField] = number, [LetterTemplates.DateField] = DemoClock.IstanbulDay(at).ToString("dd.MM.yyyy", TurkishText.Culture),
            };
            var entry = new RegisterEntry
            {
                Direction = RegisterDirection.Giden, Year = year, Sequence = i + 1, Number = number, DocumentDate = DemoClock.IstanbulDay(at),
                RegisteredAt = at, RegisteredOn = DemoClock.IstanbulDay(at), PartyKind = PartyKind.Muhtar, PartyName = muhtar.FullName, MuhtarId = muhtar.Id,
                LetterKind = template.Kind, TemplateId = templates[i % 4].Id,
                Subject = LetterTemplates.Fill(template.Subject, values), Body = LetterTemplates.Fill(template.Body, values), CreatedBy = "Şebnem Güldağ",
            };
            entry.SearchKey = RegisterService.SearchKeyOf(entry);
            db.RegisterEntries.Add(entry);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The same Istanbul day, between 09:00 and 17:00: documents are registered in office hours.</summary>
    private static DateTime OfficeHours(DateTime utc, Random rng) =>
        DemoClock.FromIstanbul(DemoClock.ToIstanbul(utc).Date.AddHours(9).AddMinutes(rng.Next(8 * 60)));

    private static async Task SeedSisterCitiesAsync(IntranetDbContext db, DateTime now, CancellationToken ct)
    {
        var today = DemoClock.IstanbulDay(now);
        var partner = new SisterCity
        {
            Country = "Bosna-Hersek", City = "Visoko", IsAbroad = true, ContactName = "Belediye Dış İlişkiler Birimi",
            ContactEmail = "international@visoko.example", Notes = "Tarihî ve kültürel bağlar; gençlik değişim programı.",
        };
        var steps = new[]
        {
            SisterCityStep.Belirlendi, SisterCityStep.BakanlikIzniIstendi, SisterCityStep.BakanlikIzniAlindi, SisterCityStep.ResmiYazisma,
            SisterCityStep.MeclisHavale, SisterCityStep.KomisyonRaporu, SisterCityStep.MeclisKarari, SisterCityStep.ProtokolImzalandi,
        };
        partner.Steps = steps.Select((s, i) => new SisterCityStepRecord
        {
            Step = s, Date = today.AddDays(-400 + i * 40),
            DocumentReference = s == SisterCityStep.MeclisKarari ? $"Meclis Kararı {today.AddDays(-400 + i * 40).Year}/112" : null,
        }).ToList();
        partner.Activities =
        [
            new SisterCityActivity { Date = today.AddDays(-60), Title = "Gençlik değişim kampı", Description = "20 gencin katıldığı bir haftalık kamp." },
            new SisterCityActivity { Date = today.AddDays(-20), Title = "Kültür haftası fotoğraf sergisi" },
        ];
        var candidate = new SisterCity
        {
            Country = "Türkiye", City = "Safranbolu", IsAbroad = false, ContactName = "Özel Kalem Müdürlüğü",
            Steps =
            [
                new SisterCityStepRecord { Step = SisterCityStep.Belirlendi, Date = today.AddDays(-90) },
                new SisterCityStepRecord { Step = SisterCityStep.ResmiYazisma, Date = today.AddDays(-70), Notes = "Niyet mektubu gönderildi." },
                new SisterCityStepRecord { Step = SisterCityStep.MeclisHavale, Date = today.AddDays(-30) },
            ],
        };
        db.SisterCities.AddRange(partner, candidate);
        await db.SaveChangesAsync(ct);
    }
}
