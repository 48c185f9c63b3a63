using Intranet.Core.Common;
using Intranet.Core.Press;
using Intranet.Core.Press.Feeds;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Press;

/// <summary>The same story is stored once: same URL (whatever feed brings it), or same normalised title from one source.</summary>
public class ClippingDedupeTests : IDisposable
{
    private readonly PressWorld _world = new();

    public void Dispose() => _world.Dispose();

    private Task<int> StoreAsync(int sourceId, params FeedItem[] items) =>
        ClippingIntake.StoreAsync(_world.Database.Factory(UserContext.System), new PressSource { Id = sourceId, Name = "x" }, items, _world.Now, CancellationToken.None);

    private static FeedItem Item(string title, string? link) => new(title, link, "Kağıthane Belediyesi açıklama yaptı.", null, null, null);

    [Fact]
    public async Task The_same_url_is_stored_once_even_from_two_sources_and_with_tracking_parameters()
    {
        var a = await _world.AddSourceAsync("Kaynak A", null);
        var b = await _world.AddSourceAsync("Kaynak B", null);

        Assert.Equal(1, await StoreAsync(a, Item("Kağıthane Belediyesi yeni park açtı", "https://www.haber.example/park/")));
        Assert.Equal(0, await StoreAsync(b, Item("Kağıthane'de park açıldı (ajans)", "http://haber.example/park?utm_source=twitter&utm_medium=social#yorumlar")));

        await using var db = _world.Database.Create(UserContext.System);
        Assert.Equal(1, await db.PressClippings.CountAsync(c => c.SourceId == a || c.SourceId == b));
    }

    [Fact]
    public async Task The_same_normalised_title_from_one_source_is_stored_once_but_another_source_may_carry_it()
    {
        var a = await _world.AddSourceAsync("Kaynak A", null);
        var b = await _world.AddSourceAsync("Kaynak B", null);

        Assert.Equal(1, await StoreAsync(a, Item("Kağıthane'de YENİ park!", "https://a.example/1")));
        Assert.Equal(0, await StoreAsync(a, Item("Kağıthane’de yeni park", "https://a.example/1-guncellendi")));
        Assert.Equal(0, await StoreAsync(a, Item("KAĞITHANE'DE YENI PARK", "https://a.example/1-amp")));
        Assert.Equal(1, await StoreAsync(b, Item("Kağıthane'de yeni park", "https://b.example/9")));
        // Two items of one feed with the same story count once.
        Assert.Equal(1, await StoreAsync(a, Item("Kağıthane Belediyesi bütçe", "https://a.example/2"), Item("Kağıthane Belediyesi – bütçe", "https://a.example/2b")));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_copy()
    {
        var a = await _world.AddSourceAsync("Kaynak A", null);
        await StoreAsync(a, Item("Kağıthane Belediyesi meclisi toplandı", "https://a.example/meclis"));

        await using var db = _world.Database.Create(UserContext.System);
        PressClipping Copy(string title, string? url)
        {
            var c = new PressClipping { SourceId = a, Title = title, Url = url, PublishedAt = _world.Now, CapturedAt = _world.Now };
            ClippingKeys.Apply(c);
            return c;
        }
        db.PressClippings.Add(Copy("KAĞITHANE BELEDİYESİ MECLİSİ TOPLANDI", "https://a.example/baska"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.PressClippings.Add(Copy("Bambaşka bir başlık", "https://www.a.example/meclis/"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Items_that_match_no_rule_are_not_stored()
    {
        var a = await _world.AddSourceAsync("Kaynak A", null);

        var stored = await StoreAsync(a, new FeedItem("Ankara'da kar", "https://a.example/kar", "Başkentte kar yağışı.", null, null, null),
            new FeedItem("Satılık daire: Kağıthane'de 3+1", "https://a.example/ilan", "Emlak ilanı", null, null, null));

        Assert.Equal(0, stored);
    }

    [Theory]
    [InlineData("https://www.Haber.example/a/b/?utm_campaign=x&id=5#c", "haber.example/a/b?id=5")]
    [InlineData("http://haber.example:8080/a", "haber.example:8080/a")]
    [InlineData("https://haber.example/", "haber.example")]
    [InlineData("ftp://haber.example/a", null)]
    [InlineData("haber", null)]
    public void Urls_are_normalised_before_hashing(string url, string? expected) => Assert.Equal(expected, ClippingKeys.NormalizeUrl(url));
}
