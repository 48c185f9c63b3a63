using Intranet.Core.Common;
using Intranet.Core.Press;

namespace Intranet.Tests.Press;

/// <summary>The poller against a real HTTP server on 127.0.0.1 serving good, slow, broken, failing, huge and changing feeds.</summary>
public class PressPollerTests : IAsyncLifetime
{
    private readonly PressWorld _world = new();
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _world.Dispose();
    }

    private async Task<int> SourceServing(string path, FeedResponse response, int pollMinutes = 15)
    {
        _server.Serve(path, response);
        return await _world.AddSourceAsync($"Kaynak {path}", _server.Url(path), pollMinutes);
    }

    [Fact]
    public async Task A_good_feed_becomes_clippings_of_the_matching_items_and_the_source_shows_its_health()
    {
        var id = await SourceServing("/haber.xml", FeedResponse.Xml(FeedFixtures.Rss20, "\"v1\""));

        var outcome = await _world.Poller().PollSourceAsync(id);

        Assert.Equal(PollStatus.Succeeded, outcome.Status);
        Assert.Equal(8, outcome.ItemsFound);
        var clippings = await _world.ClippingsOfAsync(id);
        Assert.Equal(
            ["Kağıthane Belediyesi Gültepe'de yeni park açtı", "Başkan Dereli muhtarlarla buluştu", "Kağıthane'de kış tatbikatı",
             "Kağıthane Deresi temizleniyor", "Kağıthane'de fotoğraf sergisi"],
            clippings.Select(c => c.Title));
        Assert.Equal(5, outcome.NewClippings);
        var park = clippings[0];
        Assert.Contains("Belediye adı", park.MatchedRules);
        Assert.Equal(new DateTime(2026, 11, 24, 6, 15, 0, DateTimeKind.Utc), park.PublishedAt);
        Assert.Equal(_world.Now, park.CapturedAt);
        Assert.Equal("https://halichaber.example/img/1001.jpg", park.ImageUrl);
        Assert.NotNull(park.UrlHash);
        Assert.Equal(ClippingKind.Internet, park.Kind);
        Assert.Contains(IdList.Token(_world.DirectorateId("OZK")), clippings[1].DirectorateIds); // the mayor's rule relates Özel Kalem
        Assert.Contains("kagithane belediyesi gultepe", park.SearchText);

        var source = await _world.SourceAsync(id);
        Assert.Equal(_world.Now, source.LastSuccessAt);
        Assert.Equal(_world.Now, source.LastPolledAt);
        Assert.Null(source.LastError);
        Assert.Equal(8, source.ItemsFound);
        Assert.Equal(5, source.LastNewClippings);
        Assert.Equal(0, source.ConsecutiveFailures);
        Assert.Equal("\"v1\"", source.ETag);
        Assert.Equal(_world.Now.AddMinutes(15), source.NextPollAt);
        Assert.Null(source.PollLeaseUntil);
        Assert.Contains("dün akşam", source.LastWarning);
        Assert.Contains(ChangeTopic.Press, _world.Changes.Published);
    }

    [Fact]
    public async Task An_unchanged_feed_is_asked_with_its_etag_and_costs_a_304()
    {
        var id = await SourceServing("/haber.xml", FeedResponse.Xml(FeedFixtures.Rss20, "\"v1\""));
        await _world.Poller().PollSourceAsync(id);
        _world.Clock.Now = _world.Clock.Now.AddMinutes(20);

        var outcome = await _world.Poller().PollSourceAsync(id);

        Assert.Equal(PollStatus.NotModified, outcome.Status);
        Assert.Equal(1, _server.NotModified.GetValueOrDefault("/haber.xml"));
        Assert.Equal(5, (await _world.ClippingsOfAsync(id)).Count);
        var source = await _world.SourceAsync(id);
        Assert.Equal(_world.Now, source.LastSuccessAt);
        Assert.Equal(8, source.ItemsFound);
        Assert.Equal(0, source.LastNewClippings);
    }

    [Fact]
    public async Task A_changing_feed_adds_only_the_new_story()
    {
        (string, string) budget = ("Kağıthane Belediyesi bütçeyi açıkladı", "g1");
        var id = await SourceServing("/degisen.xml", FeedResponse.Xml(FeedFixtures.Rss(budget, ("Ankara'da trafik", "g2")), "\"v1\""));
        Assert.Equal(1, (await _world.Poller().PollSourceAsync(id)).NewClippings);

        // v2: a new story, and the budget story again under another guid and URL (same title, other punctuation and case).
        _server.Serve("/degisen.xml", FeedResponse.Xml(FeedFixtures.Rss(budget, ("Ankara'da trafik", "g2"),
            ("Kağıthane Belediyesi yeni otobüs hattı istedi", "g3"), ("KAĞITHANE BELEDİYESİ, BÜTÇEYİ AÇIKLADI!", "g1-kopya")), "\"v2\""));
        _world.Clock.Now = _world.Clock.Now.AddMinutes(15);
        var outcome = await _world.Poller().PollSourceAsync(id);

        Assert.Equal(PollStatus.Succeeded, outcome.Status);
        Assert.Equal(1, outcome.NewClippings);
        Assert.Equal(["Kağıthane Belediyesi bütçeyi açıkladı", "Kağıthane Belediyesi yeni otobüs hattı istedi"],
            (await _world.ClippingsOfAsync(id)).Select(c => c.Title));
        Assert.Equal("\"v2\"", (await _world.SourceAsync(id)).ETag);
    }

    [Fact]
    public async Task A_slow_feed_times_out_is_retried_once_and_the_timeout_is_recorded()
    {
        var id = await SourceServing("/yavas.xml", FeedResponse.Xml(FeedFixtures.Rss20) with { Delay = TimeSpan.FromSeconds(20) });

        var outcome = await _world.Poller().PollSourceAsync(id);

        Assert.Equal(PollStatus.Failed, outcome.Status);
        Assert.Contains("Zaman aşımı", outcome.Error);
        Assert.Equal(2, _server.RequestsTo("/yavas.xml"));
        var source = await _world.SourceAsync(id);
        Assert.Contains("Zaman aşımı", source.LastError);
        Assert.Equal(_world.Now, source.LastErrorAt);
        Assert.Equal(1, source.ConsecutiveFailures);
        Assert.Null(source.LastSuccessAt);
        Assert.Equal(_world.Now.AddMinutes(15), source.NextPollAt);
        Assert.Null(source.PollLeaseUntil);
    }

    [Fact]
    public async Task A_500_is_retried_and_a_404_is_not()
    {
        var failing = await SourceServing("/hata.xml", FeedResponse.Xml("sunucu hatası") with { Status = 500 });
        var missing = await _world.AddSourceAsync("Yok", _server.Url("/yok.xml"));

        var first = await _world.Poller().PollSourceAsync(failing);
        var second = await _world.Poller().PollSourceAsync(missing);

        Assert.Contains("HTTP 500", first.Error);
        Assert.Contains("2 deneme", first.Error);
        Assert.Equal(2, _server.RequestsTo("/hata.xml"));
        Assert.Contains("HTTP 404", second.Error);
        Assert.Equal(1, _server.RequestsTo("/yok.xml"));
        Assert.Contains("HTTP 500", (await _world.SourceAsync(failing)).LastError);
    }

    [Fact]
    public async Task Malformed_xml_is_shown_on_the_source_and_the_items_before_the_fault_are_kept()
    {
        var id = await SourceServing("/bozuk.xml", FeedResponse.Xml(FeedFixtures.Truncated, "\"b1\""));

        var outcome = await _world.Poller().PollSourceAsync(id);

        Assert.Equal(PollStatus.Failed, outcome.Status);
        Assert.Equal(2, outcome.NewClippings);
        var source = await _world.SourceAsync(id);
        Assert.Contains("Akış bozuk", source.LastError);
        Assert.Null(source.ETag); // the next poll reads it in full again instead of accepting a 304
        Assert.Equal(2, (await _world.ClippingsOfAsync(id)).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_huge_body_is_refused_by_its_declared_length_or_while_reading(bool chunked)
    {
        var padding = new string('x', 400 * 1024);
        var huge = FeedFixtures.Rss(("Kağıthane Belediyesi " + padding, "h1"));
        var id = await SourceServing("/buyuk.xml", FeedResponse.Xml(huge) with { Chunked = chunked });

        var outcome = await _world.Poller().PollSourceAsync(id);

        Assert.Equal(PollStatus.Failed, outcome.Status);
        Assert.Contains("çok büyük", outcome.Error);
        Assert.Equal(1, _server.RequestsTo("/buyuk.xml"));
        Assert.Empty(await _world.ClippingsOfAsync(id));
    }

    [Fact]
    public async Task Turkish_bytes_under_a_wrong_http_charset_are_read_right()
    {
        var bytes = FeedFixtures.Encode(FeedFixtures.TurkishRss("windows-1254"), "windows-1254");
        var id = await SourceServing("/1254.xml", new FeedResponse { Body = bytes, ContentType = "text/xml; charset=utf-8" });

        await _world.Poller().PollSourceAsync(id);

        Assert.Equal(FeedFixtures.TurkishTitle, Assert.Single(await _world.ClippingsOfAsync(id)).Title);
    }

    [Fact]
    public async Task One_bad_source_never_affects_the_others()
    {
        var good = await SourceServing("/iyi.xml", FeedResponse.Xml(FeedFixtures.Rss20));
        var slow = await SourceServing("/yavas.xml", FeedResponse.Xml(FeedFixtures.Rss20) with { Delay = TimeSpan.FromSeconds(20) });
        var broken = await SourceServing("/bozuk.xml", FeedResponse.Xml("<rss><channel><item><title>yarım"));
        var failing = await SourceServing("/hata.xml", FeedResponse.Xml("") with { Status = 503 });
        var huge = await SourceServing("/buyuk.xml", FeedResponse.Xml(new string(' ', 300 * 1024)) with { Chunked = true });
        var html = await SourceServing("/sayfa.html", FeedResponse.Xml(FeedFixtures.HtmlPage) with { ContentType = "text/html" });
        var unreachable = await _world.AddSourceAsync("Kapalı sunucu", "http://127.0.0.1:9/kapali.xml");

        var outcomes = await _world.Poller().PollDueAsync();

        Assert.Equal(PollStatus.Succeeded, outcomes.Single(o => o.SourceId == good).Status);
        Assert.Equal(5, (await _world.ClippingsOfAsync(good)).Count);
        foreach (var bad in new[] { slow, broken, failing, huge, html, unreachable })
        {
            Assert.Equal(PollStatus.Failed, outcomes.Single(o => o.SourceId == bad).Status);
            var source = await _world.SourceAsync(bad);
            Assert.False(string.IsNullOrEmpty(source.LastError), $"source {source.Name} shows no error");
            Assert.Null(source.PollLeaseUntil);
        }
        Assert.Null((await _world.SourceAsync(good)).LastError);
        // Demo sources have no feed: never polled.
        Assert.Equal(7, outcomes.Count);
    }

    [Fact]
    public async Task One_source_is_never_polled_twice_at_once()
    {
        // The feed answers only when the test says so, so the other polls surely start while the first is in flight
        // (a fixed delay let a slow CI machine start them after the first had finished).
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = await SourceServing("/tek.xml", FeedResponse.Xml(FeedFixtures.Rss20) with { Gate = answer.Task });
        var poller = _world.Poller();

        var running = poller.PollSourceAsync(id);
        await _server.FirstRequestTo("/tek.xml").WaitAsync(TimeSpan.FromSeconds(30));
        var others = await Task.WhenAll(_world.Poller().PollSourceAsync(id), poller.PollSourceAsync(id));
        answer.SetResult();
        var first = await running;
        var due = await poller.PollDueAsync(); // after a success the source waits for its interval

        Assert.All(others, o => Assert.Equal(PollStatus.Skipped, o.Status));
        Assert.Equal(PollStatus.Succeeded, first.Status);
        Assert.Equal(1, _server.RequestsTo("/tek.xml"));
        Assert.Empty(due);
        Assert.Equal(5, (await _world.ClippingsOfAsync(id)).Count);
    }

    [Fact]
    public async Task Failures_in_a_row_wait_longer_each_time_and_a_success_resets_them()
    {
        var id = await SourceServing("/dalgali.xml", FeedResponse.Xml("") with { Status = 502 }, pollMinutes: 10);
        var poller = _world.Poller(_world.Options with { Retries = 0 });

        await poller.PollDueAsync();
        Assert.Equal(_world.Now.AddMinutes(10), (await _world.SourceAsync(id)).NextPollAt);
        Assert.DoesNotContain(await poller.PollDueAsync(), o => o.SourceId == id); // not due yet

        _world.Clock.Now = _world.Clock.Now.AddMinutes(10);
        await poller.PollDueAsync();
        var afterTwo = await _world.SourceAsync(id);
        Assert.Equal(2, afterTwo.ConsecutiveFailures);
        Assert.Equal(_world.Now.AddMinutes(20), afterTwo.NextPollAt);

        _server.Serve("/dalgali.xml", FeedResponse.Xml(FeedFixtures.Rss20));
        _world.Clock.Now = _world.Clock.Now.AddMinutes(20);
        await poller.PollDueAsync();
        var recovered = await _world.SourceAsync(id);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Null(recovered.LastError);
        Assert.Equal(_world.Now, recovered.LastSuccessAt);
    }

    [Fact]
    public async Task A_disabled_source_is_not_polled()
    {
        var id = await SourceServing("/kapali.xml", FeedResponse.Xml(FeedFixtures.Rss20));
        await using (var db = _world.Database.Create(UserContext.System))
        {
            var source = await db.PressSources.FindAsync(id);
            source!.Enabled = false;
            await db.SaveChangesAsync();
        }

        var outcomes = await _world.Poller().PollDueAsync();

        Assert.Empty(outcomes);
        Assert.Equal(0, _server.RequestsTo("/kapali.xml"));
    }

    [Fact]
    public async Task Poll_now_is_for_the_press_office_and_admin()
    {
        var id = await SourceServing("/simdi.xml", FeedResponse.Xml(FeedFixtures.Rss20));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Sources(_world.MayorOffice).PollNowAsync(id));
        Assert.Equal(PollStatus.Succeeded, (await _world.Sources(_world.Press).PollNowAsync(id)).Status);
    }
}
