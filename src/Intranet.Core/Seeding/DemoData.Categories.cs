using Intranet.Core.Organization;

namespace Intranet.Core.Seeding;

/// <summary>
/// A request topic. <paramref name="Weight"/> is its relative frequency in generated requests; the templates are
/// the citizen's words, with {yer} (street and number in the mahalle), {sokak} and {mahalle} filled in.
/// </summary>
internal sealed record CategorySeed(string Name, string DirectorateCode, int WaitingTime, WaitingTimeUnit Unit, int AnswerWithinDays, int Weight, string[] Templates);

internal static partial class DemoData
{
    private const WaitingTimeUnit H = WaitingTimeUnit.Hours;
    private const WaitingTimeUnit WD = WaitingTimeUnit.WorkingDays;
    private const WaitingTimeUnit CD = WaitingTimeUnit.CalendarDays;

    public static readonly CategorySeed[] Categories =
    [
        // Fen İşleri
        new("Yol bakım / asfalt", "FEN", 10, WD, 5, 8, [
            "{yer} önündeki asfalt tamamen bozuldu, yağmurda su birikintisi oluşuyor.",
            "{mahalle} Mahallesi {sokak} yıllardır asfaltlanmadı, yolun yenilenmesini istiyoruz."]),
        new("Çukur / yol çökmesi", "FEN", 48, H, 3, 5, [
            "{yer} hizasında yolda büyük bir çukur açıldı, araçlar zarar görüyor.",
            "{sokak} üzerinde kazı sonrası yol çöktü, gece çok tehlikeli."]),
        new("Kaldırım onarımı", "FEN", 10, WD, 5, 5, [
            "{yer} önündeki kaldırım taşları kırık, yaşlılar düşüyor.",
            "{mahalle} Mahallesi {sokak} kaldırımı yer yer çökmüş, bebek arabasıyla geçilemiyor."]),
        new("Merdiven ve korkuluk onarımı", "FEN", 15, WD, 7, 2, [
            "{sokak} ile alt sokağı bağlayan merdivenin korkuluğu koptu.",
            "{mahalle} Mahallesindeki yokuş merdiveninde basamaklar kırık."]),
        new("Sokak lambası arızası", "FEN", 3, WD, 3, 6, [
            "{yer} önündeki sokak lambası bir haftadır yanmıyor, sokak karanlık.",
            "{mahalle} Mahallesi {sokak} boyunca lambaların yarısı arızalı."]),
        new("Engelli rampası / yaya erişimi", "FEN", 15, WD, 7, 1, [
            "{yer} karşısındaki kaldırımda engelli rampası yok, tekerlekli sandalyeyle inemiyoruz.",
            "{sokak} köşesindeki rampanın önüne direk dikilmiş, kullanılamıyor."]),
        // Temizlik İşleri
        new("Çöp toplama", "TEM", 24, H, 2, 10, [
            "{yer} önündeki çöpler iki gündür alınmadı, koku yayılıyor.",
            "{mahalle} Mahallesi {sokak} çöp kamyonu bu hafta hiç uğramadı."]),
        new("Konteyner talebi", "TEM", 5, WD, 3, 4, [
            "{sokak} üzerinde çöp konteyneri yok, çöpler yere bırakılıyor. Konteyner konulmasını istiyoruz.",
            "{yer} önüne ek konteyner konmasını rica ederiz, mevcut konteyner yetmiyor."]),
        new("Konteyner onarımı / yıkama", "TEM", 3, WD, 3, 3, [
            "{yer} önündeki konteynerin kapağı kırık, kediler çöpü dağıtıyor.",
            "{sokak} üzerindeki konteynerler çok kötü kokuyor, yıkanmasını istiyoruz."]),
        new("Moloz ve hafriyat atığı", "TEM", 3, WD, 3, 3, [
            "{yer} yanına tadilat molozu dökülmüş, kaldırım kapandı.",
            "{mahalle} Mahallesi {sokak} sonundaki boş alana sürekli moloz atılıyor."]),
        new("Sokak / cadde temizliği", "TEM", 48, H, 2, 4, [
            "{sokak} pazar kurulduktan sonra süpürülmedi, her yer çöp.",
            "{yer} çevresinde yaprak ve çamur birikti, yolun süpürülmesini rica ederim."]),
        new("Geri dönüşüm kutusu talebi", "TEM", 10, WD, 5, 1, [
            "{mahalle} Mahallesi {sokak} için ambalaj atığı kutusu istiyoruz.",
            "Sitemiz {yer} adresinde, atık pil ve cam kumbarası konulabilir mi?"]),
        new("İri hacimli atık (ev eşyası) alımı", "TEM", 5, WD, 3, 2, [
            "{yer} adresinden eski koltuk ve dolabın alınmasını talep ediyorum.",
            "Taşınma sonrası kalan eşyalar {yer} önünde, alınması için randevu istiyorum."]),
        // Park ve Bahçeler
        new("Park bakımı", "PARK", 7, WD, 5, 4, [
            "{mahalle} Mahallesindeki parkın çimleri biçilmedi, bankları kırık.",
            "{sokak} yanındaki parkta çöp kutuları taşıyor, bakım yapılmıyor."]),
        new("Ağaç budama", "PARK", 15, WD, 5, 4, [
            "{yer} önündeki ağacın dalları elektrik tellerine ve pencereye değiyor, budanmasını istiyoruz.",
            "{sokak} üzerindeki ağaçlar sokak lambalarını kapatıyor."]),
        new("Devrilen / tehlikeli ağaç", "PARK", 24, H, 2, 2, [
            "Fırtınada {yer} önündeki ağaç devrildi, yolu kapattı.",
            "{sokak} üzerindeki kuru ağaç her an devrilebilir, çocuklar altında oynuyor."]),
        new("Çocuk oyun grubu arızası", "PARK", 5, WD, 5, 2, [
            "{mahalle} Mahallesi parkındaki salıncağın zinciri kopmuş.",
            "{sokak} parkındaki kaydırakta kırık var, çocuklar yaralanabilir."]),
        new("Açık hava spor aleti arızası", "PARK", 7, WD, 5, 1, [
            "{mahalle} Mahallesi parkındaki spor aletlerinden ikisi çalışmıyor.",
            "{sokak} yanındaki spor alanında bir aletin vidaları gevşemiş."]),
        new("Yeşil alan sulama", "PARK", 5, WD, 5, 1, [
            "{sokak} refüjündeki çiçekler kurudu, sulama yapılmıyor.",
            "{mahalle} Mahallesi parkındaki otomatik sulama sürekli akıyor, su israf oluyor."]),
        // Zabıta
        new("Seyyar satıcı", "ZAB", 24, H, 2, 3, [
            "{yer} önünde seyyar satıcılar kaldırımı kapatıyor.",
            "{mahalle} Mahallesi {sokak} metro çıkışında izinsiz seyyar satış yapılıyor."]),
        new("Gürültü şikâyeti", "ZAB", 24, H, 2, 4, [
            "{yer} adresindeki işyeri gece yarısına kadar yüksek sesle müzik yayını yapıyor.",
            "{sokak} üzerindeki inşaatta sabah 6'da çalışmaya başlıyorlar, gürültüden uyuyamıyoruz."]),
        new("Kaldırım / yol işgali", "ZAB", 3, WD, 3, 4, [
            "{yer} önündeki dükkân malzemelerini kaldırıma dizmiş, yayalar yola iniyor.",
            "{sokak} üzerindeki kafe masalarını kaldırıma taşırmış."]),
        new("İşyeri ruhsat ve denetim şikâyeti", "ZAB", 10, WD, 5, 2, [
            "{yer} adresindeki fırının hijyen koşulları çok kötü, denetlenmesini istiyorum.",
            "{sokak} üzerinde ruhsatsız çalıştığını düşündüğüm bir atölye var."]),
        new("Pazar yeri düzeni", "ZAB", 5, WD, 3, 1, [
            "{mahalle} Mahallesi semt pazarında tezgâhlar yolu tamamen kapatıyor.",
            "Pazar kurulan {sokak} üzerinde pazarcılar araçlarını kapı önlerine park ediyor."]),
        new("Dilencilik", "ZAB", 24, H, 2, 1, [
            "{sokak} üzerindeki ışıklarda çocuklar dilendiriliyor.",
            "{mahalle} Mahallesi cami önünde her gün organize dilenciler var."]),
        // Su ve Kanal / Altyapı
        new("Yağmur suyu ızgarası tıkanıklığı", "ALT", 48, H, 3, 3, [
            "{yer} önündeki yağmur ızgarası tıkalı, yağmurda yol göle dönüyor.",
            "{sokak} üzerindeki mazgal çökmüş ve tıkanmış."]),
        new("Su baskını", "ALT", 6, H, 2, 1, [
            "{yer} bodrum katını su bastı, acil yardım istiyoruz.",
            "{mahalle} Mahallesi {sokak} dere taştı, evlere su giriyor."]),
        new("Kanalizasyon taşması", "ALT", 12, H, 2, 2, [
            "{yer} önünde kanalizasyon taşıyor, koku dayanılmaz.",
            "{sokak} üzerindeki rögar kapağından pis su çıkıyor."]),
        // İmar ve Şehircilik
        new("Kaçak yapı", "IMAR", 15, WD, 7, 3, [
            "{yer} adresindeki binaya ruhsatsız kat çıkılıyor.",
            "{sokak} üzerindeki boş arsaya izinsiz yapı yapılıyor, kontrol edilmesini istiyorum."]),
        new("İmar durumu bilgi talebi", "IMAR", 15, WD, 7, 2, [
            "{yer} adresindeki parselin imar durumunu öğrenmek istiyorum.",
            "{mahalle} Mahallesi kentsel dönüşüm kapsamında {sokak} için plan değişikliği var mı?"]),
        new("Metruk bina", "IMAR", 15, WD, 7, 1, [
            "{yer} adresindeki metruk bina madde bağımlılarının uğrak yeri oldu, yıkılmasını istiyoruz.",
            "{sokak} üzerindeki boş binanın duvarı yola doğru eğildi."]),
        // Sosyal Yardım
        new("Sosyal yardım başvurusu", "SOS", 10, WD, 7, 4, [
            "Eşim vefat etti, üç çocuğumla {mahalle} Mahallesinde kirada oturuyorum. Sosyal yardım başvurusu yapmak istiyorum.",
            "Engelli oğlum için bakım desteği ve yakacak yardımı talep ediyorum."]),
        new("Gıda / erzak yardımı", "SOS", 5, WD, 5, 2, [
            "{yer} adresinde yaşlı komşumuz yalnız ve ihtiyaç sahibi, erzak yardımı yapılabilir mi?",
            "İşsiz kaldım, ailem için gıda kolisi talep ediyorum."]),
        new("Evde bakım hizmeti", "SOS", 10, WD, 7, 1, [
            "Yatağa bağımlı annem için evde bakım ve temizlik hizmeti istiyorum.",
            "{mahalle} Mahallesinde yalnız yaşayan 85 yaşındaki babam için evde sağlık ve bakım desteği talep ediyorum."]),
        new("Cenaze ve taziye hizmeti", "SOS", 4, H, 2, 1, [
            "Babamızı kaybettik, {yer} önüne taziye çadırı kurulmasını rica ediyoruz.",
            "Cenazemiz için ikram ve sandalye desteği talep ediyoruz, adres {yer}."]),
        // Kültür ve Sosyal İşler
        new("Kültür etkinliği / kurs bilgisi", "KULT", 5, WD, 3, 2, [
            "Kültür merkezindeki resim ve müzik kurslarına kayıt tarihlerini öğrenmek istiyorum.",
            "{mahalle} Mahallesinde çocuklar için yaz etkinliği düzenlenebilir mi?"]),
        new("Salon tahsisi (düğün / toplantı)", "KULT", 5, WD, 3, 1, [
            "Nişan töreni için belediye salonunu kiralamak istiyorum, uygun tarihler nelerdir?",
            "Derneğimizin genel kurulu için toplantı salonu tahsisi talep ediyoruz."]),
        // Muhtarlık İşleri, Ulaşım, Veteriner
        new("Muhtarlık talebi", "MUHT", 10, WD, 7, 1, [
            "{mahalle} Mahallesi muhtarlığı olarak {sokak} için ortak talebimizi iletiyoruz.",
            "Muhtarlığımızın önündeki duyuru panosu yenilenmeli."]),
        new("Trafik levhası / yön tabelası", "ULAS", 10, WD, 5, 2, [
            "{sokak} kavşağındaki dur levhası devrilmiş.",
            "{yer} önündeki okul geçidine uyarı levhası konulmasını istiyoruz."]),
        new("Kasis / hız kesici talebi", "ULAS", 15, WD, 7, 2, [
            "{sokak} üzerinde araçlar çok hızlı geçiyor, okul önüne kasis yapılmasını istiyoruz.",
            "{mahalle} Mahallesi {sokak} yokuşunda kaza oluyor, hız kesici konulmalı."]),
        new("Otopark sorunu", "ULAS", 10, WD, 5, 2, [
            "{sokak} üzerinde iki taraflı park yüzünden ambulans geçemiyor.",
            "{mahalle} Mahallesine açık otopark yapılmasını öneriyoruz, araç park edecek yer yok."]),
        new("Başıboş köpek", "VET", 3, WD, 3, 3, [
            "{sokak} üzerinde sürü halinde gezen köpekler çocuklara saldırıyor.",
            "{yer} çevresindeki köpeklerin kısırlaştırılıp aşılanmasını istiyoruz."]),
        new("Yaralı hayvan", "VET", 6, H, 2, 2, [
            "{yer} önünde arabanın çarptığı yaralı bir kedi var, acil yardım.",
            "{sokak} üzerindeki parkta bacağı kırık bir köpek yatıyor."]),
        new("Haşere ve ilaçlama", "VET", 5, WD, 3, 3, [
            "{mahalle} Mahallesi dere kenarında sivrisinek çok fazla, ilaçlama yapılmasını istiyoruz.",
            "{yer} çevresinde fare görüldü, ilaçlama talep ediyoruz."]),
        // Halkla İlişkiler and the mayor's office: general topics, petitions (Law 3071: 30 days)
        new("Genel bilgi talebi", "HALK", 3, WD, 2, 2, [
            "Belediyenin nöbetçi eczane ve hizmet binası çalışma saatleri hakkında bilgi almak istiyorum.",
            "Emlak vergisi borcumu nereden öğrenebilirim?"]),
        new("Belediye personeli hakkında şikâyet", "HALK", 15, CD, 7, 1, [
            "Çözüm masasındaki görevli bana kaba davrandı, ilgilenilmesini istiyorum.",
            "{mahalle} Mahallesinde çalışan temizlik ekibi araçlarını kaldırıma park ediyor."]),
        new("Dilekçe (genel konular)", "HALK", 30, CD, 7, 1, [
            "{yer} adresindeki taşınmazımla ilgili yazılı başvurumun değerlendirilmesini talep ederim.",
            "Mahallemiz {mahalle} ile ilgili ekte sunduğum sorunların incelenmesini istiyorum."]),
        new("Başkanla görüşme talebi", "OZK", 7, WD, 5, 1, [
            "{mahalle} Mahallesi sakinleri olarak mahallemizin sorunlarını Belediye Başkanımıza anlatmak istiyoruz.",
            "Kentsel dönüşüm konusunda Başkanımızla görüşmek için randevu talep ediyorum."]),
    ];
}
