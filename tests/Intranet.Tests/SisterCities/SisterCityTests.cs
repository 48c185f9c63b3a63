using Intranet.Core.Common;
using Intranet.Core.SisterCities;
using Intranet.Tests.Muhtars;

namespace Intranet.Tests.SisterCities;

public sealed class SisterCityTests : IDisposable
{
    private readonly MuhtarWorld _world = new();

    public void Dispose() => _world.Dispose();

    private SisterCityService Service(string user = "demo-ozk-2") =>
        new(_world.Requests.Database.Factory(_world.As(user)), new Intranet.Core.Common.FixedCurrentUser(_world.As(user)), _world.Clock);

    private static StepForm Step(SisterCityStep step, int month, int day, string? register = null) =>
        new(step, new DateOnly(2026, month, day), null, register, null);

    [Fact]
    public async Task A_city_abroad_goes_through_the_ministry_steps_in_order_and_the_list_shows_its_stage()
    {
        var cities = Service();
        var id = await cities.SaveAsync(new SisterCityForm { Country = "Azerbaycan", City = "Gence", ContactEmail = "dis@gence.example" });

        await cities.RecordStepAsync(id, Step(SisterCityStep.Belirlendi, 1, 10));
        var skipped = await Assert.ThrowsAsync<ValidationException>(() => cities.RecordStepAsync(id, Step(SisterCityStep.ResmiYazisma, 2, 1)));
        Assert.Equal("Önce şu adım kaydedilmeli: Bakanlık izni istendi.", skipped.Message);
        await cities.RecordStepAsync(id, Step(SisterCityStep.BakanlikIzniIstendi, 1, 20));
        var early = await Assert.ThrowsAsync<ValidationException>(() => cities.RecordStepAsync(id, Step(SisterCityStep.BakanlikIzniAlindi, 1, 5)));
        Assert.Contains("önceki adımın (Bakanlık izni istendi, 20.01.2026) tarihinden önce olamaz", early.Message);
        await cities.RecordStepAsync(id, Step(SisterCityStep.BakanlikIzniAlindi, 3, 2));
        var noLetter = await Assert.ThrowsAsync<ValidationException>(() => cities.RecordStepAsync(id, Step(SisterCityStep.ResmiYazisma, 3, 5, register: "GDN-2026-99999")));
        Assert.Equal("GDN-2026-99999 sayılı evrak kayıt defterinde bulunamadı.", noLetter.Message);

        var row = Assert.Single(await cities.ListAsync(), r => r.City == "Gence");
        Assert.True(row.IsAbroad);
        Assert.Equal((SisterCityStep.BakanlikIzniAlindi, SisterCityStep.ResmiYazisma), (row.Stage!.Value, row.NextStep!.Value));
    }

    [Fact]
    public async Task A_domestic_city_has_no_ministry_step_and_activities_wait_for_the_protocol()
    {
        var cities = Service();
        var id = await cities.SaveAsync(new SisterCityForm { Country = "Türkiye", City = "Amasra" });
        var ministry = await Assert.ThrowsAsync<ValidationException>(() => cities.RecordStepAsync(id, Step(SisterCityStep.BakanlikIzniIstendi, 1, 10)));
        Assert.Equal("Bakanlık izni yalnızca yurt dışındaki şehirler için istenir.", ministry.Message);
        Assert.Equal("Ortak etkinlikler kardeşlik protokolü imzalandıktan sonra kaydedilir.",
            (await Assert.ThrowsAsync<ValidationException>(() => cities.AddActivityAsync(id, new DateOnly(2026, 5, 1), "Festival", null))).Message);

        foreach (var (step, month) in new[] { (SisterCityStep.Belirlendi, 1), (SisterCityStep.ResmiYazisma, 2), (SisterCityStep.MeclisHavale, 3),
                     (SisterCityStep.KomisyonRaporu, 4), (SisterCityStep.MeclisKarari, 5), (SisterCityStep.ProtokolImzalandi, 6) })
            await cities.RecordStepAsync(id, Step(step, month, 15));
        await cities.AddActivityAsync(id, new DateOnly(2026, 9, 1), "Amasra–Kağıthane dostluk festivali", "İki belediyenin ortak etkinliği.");

        var city = (await cities.GetAsync(id))!;
        Assert.Equal("Amasra–Kağıthane dostluk festivali", Assert.Single(city.Activities).Title);
        Assert.Equal(SisterCityStep.Arsivlendi, SisterCityService.NextStep(city));
        Assert.Equal(["Türkiye"], (await cities.ListAsync()).Where(r => r.City == "Amasra").Select(r => r.Country));
    }

    [Fact]
    public async Task Only_ozel_kalem_and_admin_run_the_sister_city_process()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service("demo-muht-mudur").ListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service("demo-fen-personel-1").SaveAsync(new SisterCityForm { City = "X" }));
        Assert.Equal(2, (await Service("demo-admin").ListAsync()).Count); // the demo's two
    }
}
