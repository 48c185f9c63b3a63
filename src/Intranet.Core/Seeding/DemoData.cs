namespace Intranet.Core.Seeding;

/// <summary>A mahalle of Kağıthane with a fictional muhtar and an approximate centre (for map demos only).</summary>
internal sealed record NeighbourhoodSeed(string Name, string MuhtarName, string MuhtarPhone, int Population, double Latitude, double Longitude);

/// <summary>A müdürlük with its code and the deputy mayor it reports to (index into <see cref="DemoData.DeputyMayors"/>).</summary>
internal sealed record DirectorateSeed(string Name, string Code, int DeputyMayor, bool IsScreeningDesk = false);

internal sealed record DeputyMayorSeed(string Name, string Email, string Phone);

/// <summary>
/// Static reference data of Kağıthane (İstanbul): the 19 real mahalle names with fictional people.
/// Every e-mail is under the reserved ".example" domain so escalation mail from a demo system reaches nobody;
/// phone numbers are random 05xx numbers, so an SMS gateway must not be live on demo data.
/// </summary>
internal static partial class DemoData
{
    public const string MailDomain = "kagithane.example";

    /// <summary>Populations are rounded, plausible figures; coordinates are rough centres inside the district.</summary>
    public static readonly NeighbourhoodSeed[] Neighbourhoods =
    [
        new("Çağlayan", "Hüseyin Çakır", "05321234501", 24800, 41.0690, 28.9800),
        new("Çeliktepe", "Gülşen Yıldız", "05331234502", 21500, 41.0860, 29.0040),
        new("Emniyet Evleri", "Mustafa Özdemir", "05421234503", 18200, 41.0890, 29.0110),
        new("Gültepe", "Şükrü Aydın", "05051234504", 27300, 41.0780, 28.9950),
        new("Gürsel", "İbrahim Koç", "05441234505", 29600, 41.0710, 28.9680),
        new("Hamidiye", "Nurcan Şahin", "05551234506", 41200, 41.1060, 28.9760),
        new("Harmantepe", "Ramazan Güler", "05361234507", 26900, 41.0760, 28.9690),
        new("Hürriyet", "Ayşe Kılıç", "05461234508", 31500, 41.0730, 28.9750),
        new("Mehmet Akif Ersoy", "Cengiz Doğan", "05321234509", 33800, 41.0980, 28.9640),
        new("Merkez", "Fatma Çelik", "05351234510", 25100, 41.0810, 28.9720),
        new("Nurtepe", "İsmail Aksoy", "05431234511", 32400, 41.0880, 28.9600),
        new("Ortabayır", "Emine Yılmaz", "05521234512", 22700, 41.0740, 28.9890),
        new("Seyrantepe", "Ömer Faruk Erdem", "05061234513", 20900, 41.0990, 28.9850),
        new("Sultan Selim", "Kadir Öztürk", "05381234514", 19600, 41.0960, 28.9930),
        new("Şirintepe", "Gönül Arslan", "05411234515", 24300, 41.0920, 28.9970),
        new("Talatpaşa", "Yusuf Bayram", "05341234516", 28700, 41.0790, 28.9850),
        new("Telsizler", "Hatice Kaya", "05451234517", 23600, 41.0860, 28.9740),
        new("Yahya Kemal", "Erdoğan Polat", "05531234518", 35200, 41.0920, 28.9650),
        new("Yeşilce", "Serpil Ateş", "05071234519", 17400, 41.0830, 28.9950),
    ];

    public static readonly DeputyMayorSeed[] DeputyMayors =
    [
        new("Hakan Yıldırım", $"hakan.yildirim@{MailDomain}", "05321110101"),
        new("Ayşegül Demirtaş", $"aysegul.demirtas@{MailDomain}", "05331110202"),
        new("Mehmet Şükrü Güneş", $"mehmet.gunes@{MailDomain}", "05421110303"),
        new("Gökçe İnanç Aydoğan", $"gokce.aydogan@{MailDomain}", "05551110404"),
    ];

    // Deputy 0: construction and infrastructure; 1: city services; 2: social affairs; 3: the mayor's own units.
    public static readonly DirectorateSeed[] Directorates =
    [
        new("Fen İşleri Müdürlüğü", "FEN", 0),
        new("Temizlik İşleri Müdürlüğü", "TEM", 1),
        new("Park ve Bahçeler Müdürlüğü", "PARK", 1),
        new("Zabıta Müdürlüğü", "ZAB", 1),
        new("Su ve Kanal İşleri (Altyapı) Müdürlüğü", "ALT", 0),
        new("İmar ve Şehircilik Müdürlüğü", "IMAR", 0),
        new("Sosyal Yardım İşleri Müdürlüğü", "SOS", 2),
        new("Kültür ve Sosyal İşler Müdürlüğü", "KULT", 2),
        new("Halkla İlişkiler Müdürlüğü", "HALK", 2, IsScreeningDesk: true),
        new("Özel Kalem Müdürlüğü", "OZK", 3),
        new("Basın Yayın Müdürlüğü", "BASIN", 3),
        new("Muhtarlık İşleri Müdürlüğü", "MUHT", 2),
        new("Strateji Geliştirme Müdürlüğü", "STRAT", 3),
        new("Ulaşım Hizmetleri Müdürlüğü", "ULAS", 0),
        new("Veteriner İşleri Müdürlüğü", "VET", 1),
    ];

    /// <summary>"Mehmet Şükrü Güneş" → "mehmet.sukru.gunes": ASCII mailbox names, as the municipality's mail server wants.</summary>
    /// <summary>"Ayşe Nur İnceoğlu" → "ayse.nur.inceoglu": folded words of letters and digits joined by dots.</summary>
    public static string MailboxOf(string fullName) =>
        string.Join('.', Common.TurkishText.Fold(fullName)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0));

    public static string MuhtarEmail(string neighbourhood) =>
        $"{Common.TurkishText.Fold(neighbourhood).Replace(" ", "")}.muhtarligi@{MailDomain}";
}
