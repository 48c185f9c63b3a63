using Intranet.Core.Common;
using Intranet.Core.Correspondence;
using Intranet.Core.Requests;
using Intranet.Tests.Muhtars;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Correspondence;

public sealed class RegisterTests : IDisposable
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A];
    private readonly MuhtarWorld _world = new();
    private readonly UserContext _ozk;

    public RegisterTests()
    {
        _ozk = _world.As("demo-ozk-1");
        // The demo register sits in the real year; the tests number from an empty one.
        using var db = _world.Db();
        db.RegisterEntries.ExecuteDelete();
    }

    public void Dispose() => _world.Dispose();

    private IncomingForm Petition() => new()
    {
        DocumentDate = new DateOnly(2026, 11, 24), PartyKind = PartyKind.Vatandas, PartyName = "Şükrü Işıkçı", Subject = "Sokak lambası yanmıyor",
        DirectorateId = _world.Requests.DirectorateId("FEN"), Attachments = [new UploadedFile("dilekce.pdf", "application/pdf", Pdf)],
    };

    [Fact]
    public async Task An_incoming_petition_is_numbered_routed_with_the_3071_deadline_and_keeps_its_scan()
    {
        var created = await _world.Register(_ozk).RegisterIncomingAsync(Petition());

        Assert.Equal("GLN-2026-00001", created.Number);
        var detail = (await _world.RegisterQueries(_ozk).GetAsync(created.Id))!;
        Assert.Equal(new DateOnly(2026, 12, 25), detail.Entry.DueOn); // 30 days after 25.11.2026 (Law 3071)
        Assert.Equal("Fen İşleri Müdürlüğü", detail.Directorate);
        var scan = Assert.Single(detail.Attachments);
        Assert.Equal(Pdf, (await _world.RegisterQueries(_ozk).AttachmentAsync(scan.Id))!.Content);
        Assert.Equal("GLN-2026-00002", (await _world.Register(_ozk).RegisterIncomingAsync(Petition())).Number);
    }

    [Fact]
    public async Task An_oversized_scan_a_missing_sender_or_a_late_deadline_saves_nothing_and_takes_no_number()
    {
        var register = _world.Register(_ozk);
        var big = Petition();
        big.Attachments = [new UploadedFile("tarama.pdf", "application/pdf", [.. Pdf, .. new byte[AttachmentRules.MaxBytes]])];
        var oversized = await Assert.ThrowsAsync<ValidationException>(() => register.RegisterIncomingAsync(big));
        Assert.Contains("\"tarama.pdf\" çok büyük", oversized.Fields[nameof(IncomingForm.Attachments)]);
        Assert.Contains("en fazla 10 MB", oversized.Message);

        var nobody = Petition();
        nobody.PartyName = " ";
        Assert.Equal("Gönderen bilgisi eksik: kurumun ya da kişinin adını yazın.",
            (await Assert.ThrowsAsync<ValidationException>(() => register.RegisterIncomingAsync(nobody))).Fields[nameof(IncomingForm.PartyName)]);
        var late = Petition();
        late.DueOn = new DateOnly(2027, 1, 30);
        Assert.Contains("3071 sayılı Kanun", (await Assert.ThrowsAsync<ValidationException>(() => register.RegisterIncomingAsync(late))).Message);
        var noMuhtar = Petition();
        noMuhtar.PartyKind = PartyKind.Muhtar;
        Assert.Equal("Gönderen muhtarı listeden seçin.", (await Assert.ThrowsAsync<ValidationException>(() => register.RegisterIncomingAsync(noMuhtar))).Fields["MuhtarId"]);

        await using (var db = _world.Db())
        {
            Assert.Equal(0, await db.RegisterEntries.CountAsync());
            Assert.Equal(0, await db.RegisterAttachments.CountAsync());
        }
        Assert.Equal("GLN-2026-00001", (await register.RegisterIncomingAsync(Petition())).Number);
    }

    [Fact]
    public async Task A_letter_from_a_template_fills_its_placeholders_and_number_and_prints_as_a_word_document()
    {
        var template = await TemplateAsync("Davet");
        var muhtar = _world.CurrentMuhtar("Hamidiye");
        var form = new LetterForm
        {
            TemplateId = template.Id, PartyKind = PartyKind.Muhtar, MuhtarId = muhtar.Id,
            Values = new() { ["AdSoyad"] = muhtar.FullName, ["Etkinlik"] = "Muhtarlar Günü", ["EtkinlikTarihi"] = "19.10.2027", ["Yer"] = "Kültür Merkezi" },
        };

        var created = await _world.Register(_ozk).WriteLetterAsync(form);

        var entry = (await _world.RegisterQueries(_ozk).GetAsync(created.Id))!.Entry;
        Assert.Equal("GDN-2026-00001", entry.Number);
        Assert.Equal("Davet: Muhtarlar Günü", entry.Subject);
        Assert.Contains($"Sayın {muhtar.FullName},", entry.Body);
        Assert.Contains("19.10.2027 tarihinde Kültür Merkezi adresinde düzenlenecek olan Muhtarlar Günü", entry.Body);
        Assert.Equal(muhtar.Id, entry.MuhtarId);
        var text = DocxBuilder.ReadParagraphs(LetterDocument.Build(entry, new CorrespondenceOptions()));
        Assert.Contains("Sayı : GDN-2026-00001", text);
        Assert.Contains("Tarih: 25.11.2026", text);
        Assert.Contains(TurkishText.ToUpper($"Sayın {muhtar.FullName} (Hamidiye Mahallesi Muhtarı)"), text);
        Assert.Contains("Belediye Başkanı", text);
    }

    [Fact]
    public async Task A_placeholder_without_a_value_is_named_in_Turkish_and_nothing_is_saved()
    {
        var template = await TemplateAsync("Bayram tebriği");
        var form = new LetterForm { TemplateId = template.Id, PartyName = "Kağıthane Kaymakamlığı", Values = new() { ["AdSoyad"] = "Sayın Kaymakam", ["Bayram"] = " " } };

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Register(_ozk).WriteLetterAsync(form));

        Assert.Equal("Şablondaki şu alanlara değer girilmedi: {Bayram}. Değerleri girmeden yazı oluşturulamaz; hiçbir şey kaydedilmedi.", error.Message);
        Assert.True(error.Fields.ContainsKey("Bayram"));
        await using var db = _world.Db();
        Assert.Equal(0, await db.RegisterEntries.CountAsync());
        form.Values["Bayram"] = "Kurban Bayramı";
        Assert.Equal("GDN-2026-00001", (await _world.Register(_ozk).WriteLetterAsync(form)).Number);
    }

    [Fact]
    public async Task A_directorate_sees_and_completes_only_what_was_routed_to_it_and_search_finds_by_number_party_and_subject()
    {
        var created = await _world.Register(_ozk).RegisterIncomingAsync(Petition());
        var other = Petition();
        other.DirectorateId = _world.Requests.DirectorateId("TEM");
        other.PartyName = "Hülya Baysal";
        other.Subject = "Çöp konteyneri yetersiz";
        await _world.Register(_ozk).RegisterIncomingAsync(other);

        var fen = _world.As("demo-fen-mudur");
        Assert.Equal([created.Number], (await _world.RegisterQueries(fen).SearchAsync(new RegisterFilter())).Items.Select(r => r.Number));
        Assert.Null(await _world.RegisterQueries(_world.As("demo-tem-personel")).GetAsync(created.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Register(fen).RegisterIncomingAsync(Petition()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.RegisterQueries(_world.As("demo-basin")).SearchAsync(new RegisterFilter()));
        var entry = (await _world.RegisterQueries(fen).GetAsync(created.Id))!.Entry;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Register(_world.As("demo-tem-mudur")).CompleteAsync(created.Id, entry.Version, "Cevap verildi."));
        await _world.Register(fen).CompleteAsync(created.Id, entry.Version, "Lamba değiştirildi, dilekçe sahibine yazıyla bildirildi.");
        Assert.True((await _world.RegisterQueries(_ozk).SearchAsync(new RegisterFilter { Text = "gln 2026 1" })).Items.Single().Completed);

        var queries = _world.RegisterQueries(_ozk);
        Assert.Equal(["Şükrü Işıkçı"], (await queries.SearchAsync(new RegisterFilter { Text = "SUKRU isikci" })).Items.Select(r => r.PartyName));
        Assert.Equal(["Hülya Baysal"], (await queries.SearchAsync(new RegisterFilter { Text = "konteyner" })).Items.Select(r => r.PartyName));
        Assert.Equal(["Hülya Baysal"], (await queries.SearchAsync(new RegisterFilter { OpenOnly = true })).Items.Select(r => r.PartyName));
        Assert.Equal(2, (await queries.SearchAsync(new RegisterFilter { From = new DateOnly(2026, 11, 25), To = new DateOnly(2026, 11, 25) })).TotalCount);
        Assert.Equal(0, (await queries.SearchAsync(new RegisterFilter { From = new DateOnly(2026, 11, 26) })).TotalCount);
    }

    [Fact]
    public async Task A_document_about_a_request_links_to_it_and_an_unknown_request_number_is_refused()
    {
        var request = await _world.Requests.Service(_world.As("demo-halk-personel-1")).CreateAsync(_world.Requests.PhoneCall());
        var form = Petition();
        form.RequestNumber = "2026-999";
        Assert.Equal("2026-999 numaralı başvuru bulunamadı.",
            (await Assert.ThrowsAsync<ValidationException>(() => _world.Register(_ozk).RegisterIncomingAsync(form))).Fields[nameof(IncomingForm.RequestNumber)]);
        form.RequestNumber = request.Number.Replace("-00000", "/");

        var created = await _world.Register(_ozk).RegisterIncomingAsync(form);

        Assert.Equal(request.Number, (await _world.RegisterQueries(_ozk).GetAsync(created.Id))!.RequestNumber);
    }

    [Fact]
    public async Task Ozel_kalem_adds_a_template_whose_placeholders_are_asked_and_a_mistyped_one_is_refused()
    {
        var register = _world.Register(_ozk);
        var form = new TemplateForm { Name = "Açılış daveti", Kind = LetterKind.Davet, Subject = "Davet", Body = "Sayın {AdSoyad},\n\n{Park Adı} açılışına davetlisiniz." };
        var stray = await Assert.ThrowsAsync<ValidationException>(() => register.SaveTemplateAsync(form));
        Assert.Contains("{AdSoyad}", stray.Fields[nameof(TemplateForm.Body)]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Register(_world.As("demo-fen-mudur")).SaveTemplateAsync(form));

        form.Body = "Sayın {AdSoyad},\n\n{ParkAdi} açılışına davetlisiniz. Sayımız: {Sayi}.";
        var id = await register.SaveTemplateAsync(form);
        var letter = new LetterForm { TemplateId = id, PartyName = "Kağıthane Kaymakamlığı", Values = new() { ["AdSoyad"] = "Kaymakam Bey" } };
        Assert.Contains("{ParkAdi}", (await Assert.ThrowsAsync<ValidationException>(() => register.WriteLetterAsync(letter))).Message);
        letter.Values["ParkAdi"] = "Hürriyet Parkı";

        var created = await register.WriteLetterAsync(letter);

        Assert.EndsWith("Hürriyet Parkı açılışına davetlisiniz. Sayımız: GDN-2026-00001.", (await _world.RegisterQueries(_ozk).GetAsync(created.Id))!.Entry.Body);
    }

    private async Task<LetterTemplate> TemplateAsync(string name) => (await _world.RegisterQueries(_ozk).TemplatesAsync()).Single(t => t.Name == name);
}
