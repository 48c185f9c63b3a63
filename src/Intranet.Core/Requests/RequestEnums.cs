namespace Intranet.Core.Requests;

/// <summary>What the citizen asks for. Bilgi edinme and dilekçe carry legal deadlines.</summary>
public enum RequestType
{
    Talep = 0,
    Sikayet = 1,
    Oneri = 2,
    Ihbar = 3,
    Tesekkur = 4,
    BilgiEdinme = 5,
    Dilekce = 6,
}

/// <summary>Where the request came in.</summary>
public enum RequestChannel
{
    CagriMerkezi = 0,
    WhatsApp = 1,
    Web = 2,
    EPosta = 3,
    Masa = 4,
    Cimer = 5,
    Muhtar = 6,
    MobilEkip = 7,
    HalkGunu = 8,
}

/// <summary>The request's place in its workflow; see <see cref="RequestWorkflow"/> for the allowed steps.</summary>
public enum RequestStatus
{
    Yeni = 0,
    OnInceleme = 1,
    UygunDegil = 2,
    HavaleEdildi = 3,
    Atandi = 4,
    Islemde = 5,
    Cozuldu = 6,
    Cevaplandi = 7,
    Kapandi = 8,
    /// <summary>Handed to an outside body (İSKİ, İGDAŞ, …): the municipality's part is done, but nothing was solved here.</summary>
    DisKurumaYonlendirildi = 9,
}

/// <summary>How the citizen was answered.</summary>
public enum ReplyChannel
{
    Telefon = 0,
    Sms = 1,
    EPosta = 2,
    Yazi = 3,
    Cimer = 4,
}

public static class RequestText
{
    public static string Name(this RequestType t) => t switch
    {
        RequestType.Talep => "İstek / Talep",
        RequestType.Sikayet => "Şikâyet",
        RequestType.Oneri => "Öneri",
        RequestType.Ihbar => "İhbar",
        RequestType.Tesekkur => "Teşekkür",
        RequestType.BilgiEdinme => "Bilgi Edinme (4982)",
        RequestType.Dilekce => "Dilekçe (3071)",
        _ => t.ToString(),
    };

    public static string Name(this RequestChannel c) => c switch
    {
        RequestChannel.CagriMerkezi => "Çağrı Merkezi",
        RequestChannel.WhatsApp => "WhatsApp",
        RequestChannel.Web => "Web",
        RequestChannel.EPosta => "E-posta",
        RequestChannel.Masa => "Çözüm Masası",
        RequestChannel.Cimer => "CİMER",
        RequestChannel.Muhtar => "Muhtar",
        RequestChannel.MobilEkip => "Mobil Ekip",
        RequestChannel.HalkGunu => "Halk Günü",
        _ => c.ToString(),
    };

    public static string Name(this RequestStatus s) => s switch
    {
        RequestStatus.Yeni => "Yeni",
        RequestStatus.OnInceleme => "Ön İnceleme",
        RequestStatus.UygunDegil => "Uygun Değil",
        RequestStatus.HavaleEdildi => "Havale Edildi",
        RequestStatus.Atandi => "Atandı",
        RequestStatus.Islemde => "İşlemde",
        RequestStatus.Cozuldu => "Çözüldü",
        RequestStatus.Cevaplandi => "Cevaplandı",
        RequestStatus.Kapandi => "Kapandı",
        RequestStatus.DisKurumaYonlendirildi => "Dış Kuruma Yönlendirildi",
        _ => s.ToString(),
    };

    public static string Name(this ReplyChannel c) => c switch
    {
        ReplyChannel.Telefon => "Telefon",
        ReplyChannel.Sms => "SMS",
        ReplyChannel.EPosta => "E-posta",
        ReplyChannel.Yazi => "Resmî Yazı",
        ReplyChannel.Cimer => "CİMER",
        _ => c.ToString(),
    };
}
