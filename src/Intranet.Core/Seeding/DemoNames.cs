using Intranet.Core.Common;

namespace Intranet.Core.Seeding;

/// <summary>Fictional people and addresses for generated citizens. Everything is drawn from one seeded <see cref="Random"/>.</summary>
internal static class DemoNames
{
    private static readonly string[] FirstNames =
    [
        "Ahmet", "Mehmet", "Mustafa", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman", "Yusuf",
        "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Recep", "Salih", "Kadir",
        "Emre", "Burak", "Oğuz", "Çağrı", "Serkan", "Uğur", "Barış", "Doğan", "Ilgaz", "Görkem",
        "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Sultan", "Zehra",
        "Hanife", "Merve", "Özlem", "Yasemin", "Gülsüm", "Büşra", "Esra", "Tuğba", "Şeyma", "Dilek",
        "Gülşen", "Nur", "Sibel", "İlknur", "Çiğdem", "Özge", "Ebru", "Işıl", "Ayşegül", "Songül",
    ];

    private static readonly string[] LastNames =
    [
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
        "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek",
        "Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen", "Aktaş",
        "Güler", "Yalçın", "Güneş", "Bozkurt", "Bulut", "Keskin", "Ünal", "Turan", "Gül", "Özer",
        "Işık", "Kaplan", "Avcı", "Sarı", "Tekin", "Taş", "Köse", "Yüksel", "Ateş", "Aksoy",
        "Karagöz", "Uçar", "Ağaoğlu", "Eğilmez", "Dağdelen", "Çağlayan", "Tuğluk", "Sönmez", "Başaran", "İnce",
    ];

    private static readonly string[] Streets =
    [
        "Lale Sokak", "Menekşe Sokak", "Çınar Sokak", "Papatya Sokak", "Akasya Sokak", "Ihlamur Sokak",
        "Zambak Sokak", "Karanfil Sokak", "Söğüt Sokak", "Dere Sokak", "Okul Sokak", "Cami Sokak",
        "Fırın Sokak", "Çeşme Sokak", "Pınar Sokak", "Yıldız Sokak", "Güneş Sokak", "Bahar Sokak",
        "Yaprak Sokak", "İnci Sokak", "Gül Sokak", "Değirmen Sokak", "Çiçek Sokak", "Sedef Sokak",
        "Atatürk Caddesi", "Cumhuriyet Caddesi", "İstiklal Caddesi", "Kâğıthane Caddesi", "Sanayi Caddesi", "Dumlupınar Caddesi",
    ];

    private static readonly string[] MailDomains = ["ornek.example", "posta.example", "eposta.example"];

    // Turkcell, Vodafone and Türk Telekom mobile prefixes.
    private static readonly string[] MobilePrefixes = ["0530", "0532", "0533", "0535", "0536", "0538", "0542", "0543", "0544", "0545", "0505", "0506", "0507", "0552", "0553", "0555"];

    public static string FullName(Random rng) =>
        rng.Next(12) == 0 // some people use two given names
            ? $"{Pick(rng, FirstNames)} {Pick(rng, FirstNames)} {Pick(rng, LastNames)}"
            : $"{Pick(rng, FirstNames)} {Pick(rng, LastNames)}";

    public static string Street(Random rng) => Pick(rng, Streets);

    /// <summary>An 11-digit normalised mobile number, as <see cref="PhoneNumber.Normalize"/> stores it.</summary>
    public static string Mobile(Random rng) => Pick(rng, MobilePrefixes) + rng.Next(0, 10_000_000).ToString("D7");

    public static string Email(Random rng, string fullName) =>
        $"{DemoData.MailboxOf(fullName)}{rng.Next(1, 99)}@{Pick(rng, MailDomains)}";

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A TC kimlik no that passes <see cref="TcKimlikNo.IsValid"/>: nine random digits (first not 0) and the two check digits.</summary>
    public static string TcKimlik(Random rng)
    {
        Span<int> d = stackalloc int[11];
        d[0] = rng.Next(1, 10);
        for (var i = 1; i < 9; i++) d[i] = rng.Next(10);
        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        d[9] = ((odd * 7 - even) % 10 + 10) % 10;
        var sum = 0;
        for (var i = 0; i < 10; i++) sum += d[i];
        d[10] = sum % 10;
        Span<char> chars = stackalloc char[11];
        for (var i = 0; i < 11; i++) chars[i] = (char)('0' + d[i]);
        return new string(chars);
    }
}
