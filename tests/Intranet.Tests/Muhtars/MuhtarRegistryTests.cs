using Intranet.Core.Common;
using Intranet.Core.Muhtars;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Muhtars;

public sealed class MuhtarRegistryTests : IDisposable
{
    private readonly MuhtarWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Muhtarlik_staff_record_a_new_term_and_the_registry_shows_the_muhtar_in_office_today()
    {
        var staff = _world.As("demo-muht-personel");
        var registry = _world.Registry(staff);
        var old = _world.CurrentMuhtar("Gültepe");

        // The old term ends yesterday; the new muhtar starts today (25.11.2026 in the world's clock).
        var ending = MuhtarForm.From(old);
        ending.TermEnd = new DateOnly(2026, 11, 24);
        await registry.SaveAsync(ending);
        var id = await registry.SaveAsync(new MuhtarForm
        {
            NeighbourhoodId = old.NeighbourhoodId, FullName = "Zeynep Akbulut", Phone = "0533 444 55 66", Email = "gultepe@muhtarlik.example",
            TermStart = new DateOnly(2026, 11, 25),
        });

        var row = Assert.Single(await registry.ListAsync(), r => r.Neighbourhood == "Gültepe");
        Assert.Equal(id, row.MuhtarId);
        Assert.Equal("Zeynep Akbulut", row.FullName);
        Assert.Equal("05334445566", row.Phone);
        Assert.Equal(2, (await registry.TermsAsync(old.NeighbourhoodId)).Count(t => t.TermStart.Year >= 2024));
    }

    [Fact]
    public async Task Overlapping_terms_an_unknown_neighbourhood_and_bad_contacts_are_refused_in_Turkish_and_nothing_is_saved()
    {
        var registry = _world.Registry(_world.As("demo-ozk-1"));
        var gultepe = _world.CurrentMuhtar("Gültepe");
        await using var db = _world.Db();
        var before = await db.Muhtars.CountAsync();

        var overlap = await Assert.ThrowsAsync<ValidationException>(() => registry.SaveAsync(new MuhtarForm
            { NeighbourhoodId = gultepe.NeighbourhoodId, FullName = "Ali Veli", TermStart = new DateOnly(2026, 1, 1) }));
        Assert.Contains($"Bu mahallede {gultepe.FullName}", overlap.Message);
        Assert.Contains("çakışamaz", overlap.Message);

        var unknown = await Assert.ThrowsAsync<ValidationException>(() => registry.SaveAsync(new MuhtarForm
            { NeighbourhoodId = 99999, FullName = "Ali Veli", TermStart = new DateOnly(2026, 1, 1) }));
        Assert.Equal("Seçilen mahalle bulunamadı; listeden bir mahalle seçin.", unknown.Fields[nameof(MuhtarForm.NeighbourhoodId)]);

        var contacts = await Assert.ThrowsAsync<ValidationException>(() => registry.SaveAsync(new MuhtarForm
            { NeighbourhoodId = gultepe.NeighbourhoodId, FullName = "A", Phone = "123", Email = "yok", TermStart = new DateOnly(2030, 1, 1) }));
        Assert.Equal(["Email", "FullName", "Phone"], contacts.Fields.Keys.Order());

        Assert.Equal(before, await db.Muhtars.CountAsync());
    }

    [Fact]
    public async Task Only_muhtarlik_ozel_kalem_and_admin_manage_muhtars_other_directorates_read()
    {
        var muhtar = _world.CurrentMuhtar("Çağlayan");
        var form = MuhtarForm.From((await _world.Registry(_world.As("demo-admin")).GetAsync(muhtar.Id))!);
        form.Notes = "Salı günleri belediyede.";

        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Registry(_world.As("demo-fen-personel-1")).SaveAsync(form));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Registry(_world.As("demo-basin")).ListAsync());
        Assert.Equal(19, (await _world.Registry(_world.As("demo-fen-personel-1")).ListAsync()).Count);
        Assert.False(await _world.Registry(_world.As("demo-fen-mudur")).CanManageAsync());
        Assert.True(await _world.Registry(_world.As("demo-muht-mudur")).CanManageAsync());
        await _world.Registry(_world.As("demo-muht-mudur")).SaveAsync(form);
    }

    [Fact]
    public async Task Members_are_saved_as_a_whole_and_a_stale_list_conflicts()
    {
        var registry = _world.Registry(_world.As("demo-muht-personel"));
        var muhtar = (await registry.GetAsync(_world.CurrentMuhtar("Hürriyet").Id))!;

        await registry.SaveMembersAsync(muhtar.Id, muhtar.Version, [new MemberForm(1, "Nevin Ekinci", "0532 000 11 22"), new MemberForm(2, null, null)]);

        var saved = (await registry.GetAsync(muhtar.Id))!;
        var member = Assert.Single(saved.Members);
        Assert.Equal(("Nevin Ekinci", "05320001122"), (member.FullName, member.Phone));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            registry.SaveMembersAsync(muhtar.Id, muhtar.Version, [new MemberForm(1, "Başka Biri", null)]));
    }

    [Fact]
    public async Task A_request_through_a_muhtar_names_the_muhtar_and_appears_on_the_muhtar_timeline()
    {
        var desk = _world.As("demo-halk-personel-1");
        var caglayan = _world.CurrentMuhtar("Çağlayan");
        var form = _world.Requests.PhoneCall("FEN", "Çağlayan");
        form.Channel = RequestChannel.Muhtar;
        form.HasCitizen = false;

        var missing = await Assert.ThrowsAsync<ValidationException>(() => _world.Requests.Service(desk).CreateAsync(form));
        Assert.Equal("Muhtar kanalından gelen başvuruda başvuruyu getiren muhtarı seçin.", missing.Fields[nameof(IntakeForm.MuhtarId)]);
        form.MuhtarId = _world.CurrentMuhtar("Gürsel").Id;
        var wrong = await Assert.ThrowsAsync<ValidationException>(() => _world.Requests.Service(desk).CreateAsync(form));
        Assert.Contains("bu mahallenin muhtarı değil", wrong.Message);

        form.MuhtarId = caglayan.Id;
        var created = await _world.Requests.Service(desk).CreateAsync(form);

        await using var db = _world.Db();
        Assert.Equal(caglayan.Id, (await db.Requests.SingleAsync(r => r.Id == created.Id)).MuhtarId);
        await _world.Registry(_world.As("demo-muht-personel")).AddContactAsync(caglayan.Id,
            new ContactForm(ContactKind.Telefon, _world.Clock.GetUtcNow().UtcDateTime.AddHours(-1), "Okul önü trafik", null));
        var timeline = await _world.Timeline(_world.As("demo-fen-personel-1")).GetAsync(caglayan.Id);
        Assert.Contains(timeline, t => t.Kind == ContactKind.Talep && t.Title.Contains(created.Number) && t.Link == $"/basvurular/{created.Id}");
        Assert.Contains(timeline, t => t.Kind == ContactKind.Telefon && t.Title == "Okul önü trafik");
        Assert.Equal(timeline.OrderByDescending(t => t.At), timeline);
    }
}
