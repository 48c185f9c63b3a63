using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Intranet.Tests.Press;

/// <summary>
/// Archive search through each provider's own full-text index (SQLite FTS5, PostgreSQL tsvector) and the SQL Server
/// fallback's query shape, all folding Turkish the same way.
/// </summary>
public class PressSearchTests : IDisposable
{
    private readonly SqliteFileDatabase _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private static readonly (string Title, Tone Tone)[] Stories =
    [
        ("İSTANBUL'DA YENİ METRO HATTI", Tone.Olumlu),
        ("istanbul trafiğinde yeni düzenleme", Tone.Notr),
        ("Istanbul Boğazı'nda sis", Tone.Olumsuz),
        ("Ankara'da kar yağışı", Tone.Notr),
        ("Kağıthane'de parkı yenilendi", Tone.Olumlu),
        ("Kağıthane Belediyesi otopark sorununu çözdü", Tone.Olumlu),
        ("Şişli'de çöp sorunu", Tone.Olumsuz),
    ];

    // Words that share an indexed prefix (2, 3, 4 or 6 letters) with a searched word but are not that word: the FTS5 query
    // asks for the prefix, so only the row check keeps these out.
    private static readonly (string Title, Tone Tone)[] Lookalikes =
    [
        ("Park ve otoparkı olan meydan", Tone.Notr),            // "park*" matches; "parkı" only inside "otoparkı"
        ("Parkı yeniden açıldı", Tone.Olumlu),
        ("Belediye meclisi toplandı", Tone.Notr),               // "beledi*" matches; not "belediyesi"
        ("A takımı şampiyon", Tone.Olumlu),
        ("Ankara'da toplantı", Tone.Notr),
    ];

    private static Task SeedAsync(IntranetDbContext db) => SeedAsync(db, Stories, "Arama Kaynağı");

    private static async Task SeedAsync(IntranetDbContext db, (string Title, Tone Tone)[] stories, string sourceName = "Benzer Kelimeler")
    {
        var source = new PressSource { Name = sourceName };
        db.PressSources.Add(source);
        await db.SaveChangesAsync();
        var at = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (title, tone) in stories)
        {
            var c = new PressClipping { SourceId = source.Id, Title = title, Summary = "Haberin ayrıntıları.", Tone = tone, PublishedAt = at, CapturedAt = at };
            ClippingKeys.Apply(c);
            db.PressClippings.Add(c);
            at = at.AddDays(1);
        }
        await db.SaveChangesAsync();
    }

    private static PressQueries Queries(IDbContextFactory<IntranetDbContext> factory) =>
        new(factory, new FixedCurrentUser(TestUsers.As(Intranet.Core.Organization.Roles.Press)));

    private static async Task<List<string>> TitlesAsync(PressQueries queries, string search, Tone? tone = null) =>
        (await queries.SearchAsync(new ClippingFilter { Search = search, Tone = tone }, 0, 50)).Items.Select(i => i.Title).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("istanbul")]
    [InlineData("İSTANBUL")]
    [InlineData("Istanbul")]
    [InlineData("ıstanbul")]
    [InlineData("ISTANBUL")]
    public async Task Sqlite_finds_every_spelling_of_a_turkish_word(string search)
    {
        await using (var db = _sqlite.Create(UserContext.System)) await SeedAsync(db);

        var titles = await TitlesAsync(Queries(_sqlite.Factory(UserContext.System)), search);

        Assert.Equal(["Istanbul Boğazı'nda sis", "istanbul trafiğinde yeni düzenleme", "İSTANBUL'DA YENİ METRO HATTI"], titles);
    }

    [Fact]
    public async Task Sqlite_search_takes_word_starts_all_words_and_the_other_filters()
    {
        await using (var db = _sqlite.Create(UserContext.System)) await SeedAsync(db);
        var queries = Queries(_sqlite.Factory(UserContext.System));

        Assert.Equal(["Kağıthane'de parkı yenilendi"], await TitlesAsync(queries, "park"));          // "parkı", not "otopark"
        Assert.Equal(["Kağıthane Belediyesi otopark sorununu çözdü"], await TitlesAsync(queries, "kagithane sorun"));
        Assert.Equal(["Istanbul Boğazı'nda sis"], await TitlesAsync(queries, "istanbul", Tone.Olumsuz));
        Assert.Empty(await TitlesAsync(queries, "izmir"));
        Assert.Equal(2, (await queries.SearchAsync(new ClippingFilter { Search = "sorun" }, 0, 50)).Total);
    }

    [Fact]
    public async Task Sqlite_keeps_the_whole_word_when_the_index_is_asked_for_a_shorter_prefix()
    {
        await using (var db = _sqlite.Create(UserContext.System)) { await SeedAsync(db); await SeedAsync(db, Lookalikes); }
        var queries = Queries(_sqlite.Factory(UserContext.System));

        await AssertWholeWordsAsync(queries);
        // The export reads through the same search (PressSearch.Matching), not the archive page's own SQL.
        var exported = new List<string>();
        await foreach (var row in queries.ExportAsync(new ClippingFilter { Search = "PARKI" })) exported.Add(row.Title);
        Assert.Equal(["Kağıthane'de parkı yenilendi", "Parkı yeniden açıldı"], exported.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1, "parkı", new[] { "Parkı yeniden açıldı", "Kağıthane'de parkı yenilendi" })]
    [InlineData(PressSearch.PrefixWindow, "parkı", new[] { "Parkı yeniden açıldı", "Kağıthane'de parkı yenilendi" })]
    [InlineData(1, "belediyesi", new[] { "Kağıthane Belediyesi otopark sorununu çözdü" })]
    [InlineData(PressSearch.PrefixWindow, "belediyesi", new[] { "Kağıthane Belediyesi otopark sorununu çözdü" })]
    public async Task Sqlite_row_checked_walk_and_its_fallback_find_the_same_newest_first(int window, string search, string[] expected)
    {
        // A window of 1 holds only the newest "park"/"beledi" candidate, which is not the word: the full merge must answer.
        await using (var db = _sqlite.Create(UserContext.System)) { await SeedAsync(db); await SeedAsync(db, Lookalikes); }
        await using var read = _sqlite.Create(UserContext.System);

        var (ids, count) = await PressSearch.SqlitePageAsync(read, new ClippingFilter { Search = search }, null, null, 0, 10, 501, default, window);

        var titles = await read.PressClippings.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title);
        Assert.Equal(expected, ids.Select(id => titles[id]));
        Assert.Equal(expected.Length, count);
    }

    /// <summary>5 letters (4-letter prefix), 7+ letters (6-letter prefix), 1 letter (whole word), and a word start only.</summary>
    private static async Task AssertWholeWordsAsync(PressQueries queries)
    {
        Assert.Equal(["Kağıthane'de parkı yenilendi", "Parkı yeniden açıldı"], await TitlesAsync(queries, "parkı"));
        Assert.Equal(["Kağıthane Belediyesi otopark sorununu çözdü"], await TitlesAsync(queries, "BELEDİYESİ"));
        // With a source the search starts from that source's clippings (SQLite): the same words, only that source.
        var lookalikeSource = (await queries.SourcesAsync()).Single(s => s.Name == "Benzer Kelimeler").Id;
        var fromSource = await queries.SearchAsync(new ClippingFilter { Search = "parkı", SourceId = lookalikeSource }, 0, 1);
        Assert.Equal(("Parkı yeniden açıldı", 1), (Assert.Single(fromSource.Items).Title, fromSource.Total));
        Assert.Empty((await queries.SearchAsync(new ClippingFilter { Search = "belediyesi", SourceId = lookalikeSource }, 0, 10)).Items);
        Assert.Equal(["Belediye meclisi toplandı", "Kağıthane Belediyesi otopark sorununu çözdü"], await TitlesAsync(queries, "belediye"));
        Assert.Equal(["Kağıthane Belediyesi otopark sorununu çözdü"], await TitlesAsync(queries, "belediyesi otopark"));
        Assert.Empty(await TitlesAsync(queries, "belediyesi meclisi"));
        Assert.Equal(["A takımı şampiyon"], await TitlesAsync(queries, "a"));
        Assert.Equal(2, (await queries.SearchAsync(new ClippingFilter { Search = "parkı", Tone = Tone.Olumlu, From = new DateOnly(2026, 11, 20) }, 0, 1)).Total);
    }

    [Fact]
    public async Task Sqlite_archive_pages_come_newest_first_within_the_date_range()
    {
        await using (var db = _sqlite.Create(UserContext.System)) await SeedAsync(db);
        var queries = Queries(_sqlite.Factory(UserContext.System));
        var range = new ClippingFilter { Search = "ISTANBUL", From = new DateOnly(2026, 11, 21), To = new DateOnly(2026, 11, 22) };

        var first = await queries.SearchAsync(range, 0, 1);
        var second = await queries.SearchAsync(range, 1, 1);
        var all = await queries.SearchAsync(range with { From = null, To = null }, 0, 10);

        Assert.Equal(2, first.Total);
        Assert.Equal("Istanbul Boğazı'nda sis", Assert.Single(first.Items).Title);
        Assert.Equal("istanbul trafiğinde yeni düzenleme", Assert.Single(second.Items).Title);
        Assert.Equal(["Istanbul Boğazı'nda sis", "istanbul trafiğinde yeni düzenleme", "İSTANBUL'DA YENİ METRO HATTI"], all.Items.Select(i => i.Title));
        Assert.Empty((await queries.SearchAsync(range with { From = new DateOnly(2027, 1, 1), To = null }, 0, 10)).Items);
    }

    [Fact]
    public async Task Sqlite_index_follows_updates_and_deletes()
    {
        await using (var db = _sqlite.Create(UserContext.System))
        {
            await SeedAsync(db);
            var snow = await db.PressClippings.SingleAsync(c => c.Title.StartsWith("Ankara"));
            snow.Title = "Ankara'da fırtına";
            ClippingKeys.Apply(snow);
            db.PressClippings.Remove(await db.PressClippings.SingleAsync(c => c.Title.StartsWith("Şişli")));
            await db.SaveChangesAsync();
        }
        var queries = Queries(_sqlite.Factory(UserContext.System));

        Assert.Empty(await TitlesAsync(queries, "kar"));
        Assert.Equal(["Ankara'da fırtına"], await TitlesAsync(queries, "FIRTINA"));
        Assert.Equal(["Kağıthane Belediyesi otopark sorununu çözdü"], await TitlesAsync(queries, "sorun"));
    }

    [PostgresFact]
    public async Task Postgresql_finds_every_spelling_through_its_tsvector_index()
    {
        var server = TestEnvironment.PostgresConnection
            ?? throw new InvalidOperationException($"CI=true but {TestEnvironment.PostgresVariable} is not set: PostgreSQL was not started.");
        var database = $"intranet_press_{Guid.NewGuid():N}";
        var options = (DbContextOptions<IntranetDbContext>)new DbContextOptionsBuilder<IntranetDbContext>()
            .UseProvider(DatabaseProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString).Options;
        var factory = new PostgresFactory(options);
        try
        {
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await SeedAsync(db);
            }
            var queries = Queries(factory);
            foreach (var spelling in new[] { "istanbul", "İSTANBUL", "Istanbul", "ıstanbul" })
                Assert.Equal(["Istanbul Boğazı'nda sis", "istanbul trafiğinde yeni düzenleme", "İSTANBUL'DA YENİ METRO HATTI"], await TitlesAsync(queries, spelling));
            Assert.Equal(["Kağıthane'de parkı yenilendi"], await TitlesAsync(queries, "park"));
            Assert.Equal(["Istanbul Boğazı'nda sis"], await TitlesAsync(queries, "istanbul", Tone.Olumsuz));
            await using (var db = factory.CreateDbContext()) await SeedAsync(db, Lookalikes);
            await AssertWholeWordsAsync(queries);

            // The search runs on the generated column with its GIN index, which the migration creates by hand.
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            await admin.OpenAsync();
            await using var index = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_PressClippings_SearchVector'", admin);
            Assert.Contains("gin", (string?)await index.ExecuteScalarAsync() ?? "");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void Sql_server_searches_with_a_word_start_like_over_the_folded_column()
    {
        // SQL Server full-text needs a catalog the migrations cannot assume: the fallback's SQL is checked instead.
        var options = (DbContextOptions<IntranetDbContext>)new DbContextOptionsBuilder<IntranetDbContext>()
            .UseProvider(DatabaseProvider.SqlServer, "Server=unused;Database=Intranet;TrustServerCertificate=True").Options;
        using var db = new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);

        var sql = PressSearch.Matching(db, "İSTANBUL park").ToQueryString();

        Assert.True(sql.Contains("LIKE") || sql.Contains("CHARINDEX"), sql);
        Assert.Contains("SearchText", sql);
        Assert.Contains(" istanbul", sql);
        Assert.Contains(" park", sql);
    }

    private sealed class PostgresFactory(DbContextOptions<IntranetDbContext> options) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => new(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
    }
}
