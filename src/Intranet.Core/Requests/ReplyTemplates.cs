namespace Intranet.Core.Requests;

/// <summary>
/// Answer templates per outcome. Placeholders in braces ({Numara}, {Konu}, {Mahalle}, {Cozum}, {Gerekce}) are
/// filled from the request; the operator edits the text before sending.
/// </summary>
public static class ReplyTemplates
{
    public sealed record Template(string Name, string Text);

    public static readonly IReadOnlyList<Template> All =
    [
        new("Çözüldü", "Sayın başvuru sahibi, {Numara} numaralı {Mahalle} Mahallesi'ndeki \"{Konu}\" başvurunuz sonuçlanmıştır: {Cozum} Bilgilerinize sunarız. Kağıthane Belediyesi"),
        new("Uygun değil", "Sayın başvuru sahibi, {Numara} numaralı \"{Konu}\" başvurunuz incelenmiş, şu gerekçeyle karşılanamamıştır: {Gerekce} Bilgilerinize sunarız. Kağıthane Belediyesi"),
        new("Planlandı", "Sayın başvuru sahibi, {Numara} numaralı \"{Konu}\" başvurunuz ilgili müdürlüğümüzün iş programına alınmıştır. Çalışma tamamlandığında ayrıca bilgi verilecektir. Kağıthane Belediyesi"),
        new("Başka kurumun yetkisinde", "Sayın başvuru sahibi, {Numara} numaralı \"{Konu}\" başvurunuz belediyemizin yetki alanı dışında olduğundan ilgili kuruma iletilmiştir. Kağıthane Belediyesi"),
    ];

    /// <summary>The template's text with the known placeholders replaced; unknown ones stay visible for the operator to fill.</summary>
    public static string Fill(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = All.FirstOrDefault(t => t.Name == name)?.Text ?? "";
        foreach (var (key, value) in values) text = text.Replace("{" + key + "}", value);
        return text;
    }
}
