using Intranet.Core.Common;
using Intranet.Core.Requests;

namespace Intranet.Core.Seeding;

/// <summary>Builds the citizen's text, the resolution and the reply of generated requests from templates.</summary>
internal static class RequestTexts
{
    private static readonly string[] GenericTemplates =
    [
        "{yer} ile ilgili sorunun incelenmesini rica ediyorum.",
        "{mahalle} Mahallesi {sokak} için ekip gönderilmesini talep ediyorum.",
    ];

    private static readonly string[] TalepClosers = ["", "Gereğini rica ederim.", "İlginiz için şimdiden teşekkürler.", "En kısa sürede dönüş yaparsanız sevinirim."];
    private static readonly string[] SikayetClosers = ["Daha önce de bildirdim ama sonuç alamadım.", "Sorun iki haftadır devam ediyor.", "Mağduriyetimin giderilmesini istiyorum.", "Komşularım da aynı durumdan şikâyetçi."];
    private static readonly string[] IhbarClosers = ["Adımın gizli tutulmasını rica ederim.", "Fotoğraf çektim, gerekirse iletebilirim.", ""];

    private static readonly string[] Resolutions =
    [
        "Ekibimiz yerinde inceleme yaptı, gerekli çalışma tamamlandı.",
        "Sorun giderildi, bölge ekiplerimizce kontrol edildi.",
        "Çalışma programa alındı ve tamamlandı; fotoğraflar dosyaya eklendi.",
        "İlgili ekip yönlendirildi, işlem yerinde tamamlandı.",
        "Yerinde tespit yapıldı, ilgili kişiye tebligat yapıldı ve durum düzeltildi.",
    ];

    private static readonly string[] Rejections =
    [
        "Konu belediyemizin görev alanı dışında olduğundan İSKİ'ye yönlendirilmiştir.",
        "Konu BEDAŞ'ın sorumluluğunda olduğundan ilgili kuruma iletilmiştir.",
        "Başvuruda adres bilgisi yetersiz olduğundan işlem yapılamamıştır.",
        "Aynı konuda açık bir başvuru bulunduğundan mükerrer kayıt olarak kapatılmıştır.",
        "Konu İstanbul Büyükşehir Belediyesinin yetki alanındadır; İBB Beyaz Masa'ya iletilmiştir.",
    ];

    /// <summary>The citizen's words: the category's template in the request type's voice.</summary>
    public static string Compose(Random rng, RequestType type, string categoryName, string[] templates, string neighbourhood, string street, int number)
    {
        var pool = templates.Length > 0 ? templates : GenericTemplates;
        var body = Fill(DemoNames.Pick(rng, pool), neighbourhood, street, number);
        var topic = TurkishText.ToLower(categoryName);
        return type switch
        {
            RequestType.Talep => Join(body, DemoNames.Pick(rng, TalepClosers)),
            RequestType.Sikayet => Join(body, DemoNames.Pick(rng, SikayetClosers)),
            RequestType.Ihbar => Join("İhbar: " + body, DemoNames.Pick(rng, IhbarClosers)),
            RequestType.Oneri => $"Öneri ({topic}): {body} Mahalle sakinleri olarak bu konuda kalıcı bir çözüm öneriyoruz.",
            RequestType.Tesekkur => $"{neighbourhood} Mahallesi {street} için yaptığım \"{topic}\" başvurum çok hızlı çözüldü. Emeği geçen ekibe teşekkür ederim.",
            RequestType.BilgiEdinme => $"4982 sayılı Bilgi Edinme Hakkı Kanunu kapsamında; {neighbourhood} Mahallesinde \"{topic}\" konusunda son bir yılda yapılan çalışmalar, harcanan tutar ve planlanan işler hakkında bilgi verilmesini talep ederim.",
            RequestType.Dilekce => $"Kağıthane Belediye Başkanlığına, {body} Gereğinin yapılmasını saygılarımla arz ederim.",
            _ => body,
        };
    }

    public static string Resolution(Random rng) => DemoNames.Pick(rng, Resolutions);

    public static string Rejection(Random rng) => DemoNames.Pick(rng, Rejections);

    public static string Reply(string citizenName, string number, string resolution) =>
        $"Sayın {citizenName}, {number} numaralı başvurunuz sonuçlanmıştır: {resolution} Kağıthane Belediyesi Çözüm Merkezi";

    public static string Fill(string template, string neighbourhood, string street, int number) => template
        .Replace("{yer}", $"{neighbourhood} Mahallesi {street} No:{number}")
        .Replace("{sokak}", street)
        .Replace("{mahalle}", neighbourhood);

    private static string Join(string a, string b) => b.Length == 0 ? a : a + " " + b;
}
