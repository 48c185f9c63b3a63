using Intranet.Core.Organization;

namespace Intranet.Core.Seeding;

/// <summary>A demo account; <paramref name="DirectorateCode"/> null for accounts above the directorates.</summary>
internal sealed record UserSeed(string ObjectId, string DisplayName, string Role, string? DirectorateCode, string Title, string Phone);

internal static partial class DemoData
{
    /// <summary>
    /// Demo accounts, one line per account. Their ObjectIds are stable, because the development sign-in and the
    /// end-to-end tests pick them by id:
    /// demo-admin; demo-ozk-1, demo-ozk-2 (MayorOffice); demo-fen-mudur, demo-tem-mudur, demo-park-mudur,
    /// demo-zab-mudur, demo-halk-mudur (Director); demo-fen-personel-1, demo-fen-personel-2, demo-tem-personel,
    /// demo-park-personel, demo-halk-personel-1, demo-halk-personel-2 (Staff; the last two on the screening desk);
    /// demo-basin (Press); demo-duvar-ekrani (WallDisplay).
    /// </summary>
    public static readonly UserSeed[] Users =
    [
        new("demo-admin", "Kerem Işıklı", Roles.Admin, null, "Bilgi İşlem Sorumlusu", "05321112233"),
        new("demo-ozk-1", "Şebnem Güldağ", Roles.MayorOffice, "OZK", "Özel Kalem Müdürü", "05331112234"),
        new("demo-ozk-2", "Tuğrul İlhan", Roles.MayorOffice, "OZK", "Başkanlık Danışmanı", "05421112235"),
        new("demo-fen-mudur", "Oğuz Karağaç", Roles.Director, "FEN", "Fen İşleri Müdürü", "05051112236"),
        new("demo-tem-mudur", "Nilüfer Çağlar", Roles.Director, "TEM", "Temizlik İşleri Müdürü", "05441112237"),
        new("demo-park-mudur", "Barış Yeşilırmak", Roles.Director, "PARK", "Park ve Bahçeler Müdürü", "05551112238"),
        new("demo-zab-mudur", "Süleyman Doğruöz", Roles.Director, "ZAB", "Zabıta Müdürü", "05361112239"),
        new("demo-halk-mudur", "Işıl Görgülü", Roles.Director, "HALK", "Halkla İlişkiler Müdürü", "05461112240"),
        new("demo-fen-personel-1", "Ilgaz Şimşek", Roles.Staff, "FEN", "İnşaat Teknikeri", "05321112241"),
        new("demo-fen-personel-2", "Gülizar Ağaoğlu", Roles.Staff, "FEN", "Harita Mühendisi", "05351112242"),
        new("demo-tem-personel", "Çağatay Üçışık", Roles.Staff, "TEM", "Saha Şefi", "05431112243"),
        new("demo-park-personel", "Pınar Dağlı", Roles.Staff, "PARK", "Peyzaj Mimarı", "05521112244"),
        new("demo-halk-personel-1", "Ayşe Nur İnceoğlu", Roles.Staff, "HALK", "Çözüm Masası Görevlisi", "05061112245"),
        new("demo-halk-personel-2", "Eşref Çığ", Roles.Staff, "HALK", "Çağrı Merkezi Görevlisi", "05381112246"),
        new("demo-basin", "Sevgi Öğüt", Roles.Press, "BASIN", "Basın Müşaviri", "05411112247"),
        new("demo-duvar-ekrani", "Duvar Ekranı – Çözüm Merkezi", Roles.WallDisplay, "HALK", "Cihaz hesabı", "05341112248"),
    ];
}
