using Intranet.Core.Common;

namespace Intranet.Core.Requests.Handoffs;

/// <summary>What a letter is written from: the request as the body needs to know it.</summary>
public sealed record LetterFacts(string Number, DateTime CreatedAt, RequestChannel Channel, string Category, string Neighbourhood,
    string? Address, string Text);

/// <summary>
/// The formal letter to an outside body and the notice to the citizen. The person forwarding edits the letter's
/// own paragraph; heading, addressee, applicant and signature are added here so every letter has the same form.
/// </summary>
public static class HandoffLetter
{
    public const string Municipality = "Kağıthane Belediyesi";

    public static string Subject(string number) => $"Vatandaş başvurusu hk. ({number})";

    /// <summary>The paragraph offered when the dialog opens.</summary>
    public static string DefaultParagraph(LetterFacts f) =>
        $"Belediyemize {IstanbulTime.ToLocal(f.CreatedAt):dd.MM.yyyy} tarihinde {f.Channel.Name()} kanalıyla ulaşan {f.Number} sayılı " +
        $"\"{f.Category}\" konulu başvuruda, {f.Neighbourhood} Mahallesi{(string.IsNullOrWhiteSpace(f.Address) ? "" : $" {f.Address.Trim()}")} " +
        $"adresiyle ilgili olarak \"{f.Text.Trim()}\" denilmektedir. Söz konusu konu kurumunuzun görev ve yetki alanında bulunduğundan, " +
        "gereğinin yapılması ve başvuru sahibine bilgi verilmesi hususunda bilgilerinizi rica ederim.";

    /// <summary>The citizen's notice: who now handles it and how to reach them. No personal data in it (it may go by SMS).</summary>
    public static string CitizenNotice(string number, OutsideBody body)
    {
        var contact = string.Join(", ", new[] { body.Phone, body.Email }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return $"Sayın başvuru sahibi, {number} numaralı başvurunuz görev alanı nedeniyle {body.Name} kurumuna iletilmiştir; " +
               $"başvurunuzu bundan sonra bu kurum yürütecektir.{(contact.Length == 0 ? "" : $" İletişim: {contact}.")} {Municipality}";
    }

    /// <summary>The whole letter. <paramref name="applicant"/> is the citizen line, full for the body, masked on screen.</summary>
    public static string Compose(string number, OutsideBody body, string paragraph, string applicant, string signer, DateTime at) =>
        $"""
        T.C.
        {TurkishText.ToUpper(Municipality)} BAŞKANLIĞI
        Halkla İlişkiler Müdürlüğü

        Sayı : {number}
        Konu : {Subject(number)}
        Tarih: {IstanbulTime.ToLocal(at):dd.MM.yyyy}

        Kime : {body.Name}{(string.IsNullOrWhiteSpace(body.ContactName) ? "" : $" ({body.ContactName})")}

        Sayın Yetkili,

        {paragraph.Trim()}

        Başvuru sahibi: {applicant}

        {signer}
        {Municipality}
        """;
}
