using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>
/// The list's free-text search through its index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL): Turkish case and
/// letters fold alike, it combines with the other filters and the directorate scope, the newest match comes first,
/// and the index follows edited and deleted text. Every case runs on SQLite and, with a server, on PostgreSQL.
/// </summary>
public sealed class RequestSearchTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public Task Sqlite_folds_turkish_case_and_letters() => WithSqlite(FoldsTurkishCaseAndLetters);

    [PostgresFact]
    public Task Postgres_folds_turkish_case_and_letters() => WithPostgres(FoldsTurkishCaseAndLetters);

    [Fact]
    public Task Sqlite_combines_with_filters_and_scope() => WithSqlite(CombinesWithFiltersAndScope);

    [PostgresFact]
    public Task Postgres_combines_with_filters_and_scope() => WithPostgres(CombinesWithFiltersAndScope);

    [Fact]
    public Task Sqlite_short_and_odd_text() => WithSqlite(ShortAndOddText);

    [PostgresFact]
    public Task Postgres_short_and_odd_text() => WithPostgres(ShortAndOddText);

    [Fact]
    public Task Sqlite_follows_edited_and_deleted_text() => WithSqlite(FollowsEditedAndDeletedText);

    [PostgresFact]
    public Task Postgres_follows_edited_and_deleted_text() => WithPostgres(FollowsEditedAndDeletedText);

    [Fact]
    public Task Sqlite_folds_as_TurkishText_does() => WithSqlite(FoldsAsTurkishTextDoes);

    [PostgresFact]
    public Task Postgres_folds_as_TurkishText_does() => WithPostgres(FoldsAsTurkishTextDoes);

    [Fact]
    public Task Sqlite_common_words_count_to_the_limit_and_list_the_newest() => WithSqlite(CommonWordsCountToTheLimit);

    [PostgresFact]
    public Task Postgres_common_words_count_to_the_limit_and_list_the_newest() => WithPostgres(CommonWordsCountToTheLimit);

    /// <summary>
    /// PostgreSQL: the trigram index leads with the directorate, so a directorate's staff searching their own requests
    /// get them from one index scan (not every match of the word ANDed with a bitmap of the whole directorate: on a
    /// million requests 55–80 ms for a common word, 35 ms this way; bench/Intranet.Bench). A tiny test table would not
    /// show the plan the planner picks on a million rows, so the index itself is checked, and that searches still
    /// find across directorates for who sees them all.
    /// </summary>
    [PostgresFact]
    public Task Postgres_the_search_index_leads_with_the_directorate() => WithPostgres(async w =>
    {
        await using var db = w.Create(UserContext.System);
        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'Requests' AND indexname = 'IX_Requests_DirectorateId_SearchText'").SingleAsync();

        Assert.Contains("USING gin (\"DirectorateId\", \"SearchText\" gin_trgm_ops)", definition);
        Assert.Equal(2, (await w.List(Admin(), "korkuluk")).TotalCount);
        Assert.Equal(2, (await w.List(Staff(w.Fen), "korkuluk")).TotalCount);
        Assert.Equal(0, (await w.List(Staff(w.Park), "korkuluk")).TotalCount);
    });

    /// <summary>
    /// 1,500 more requests, every one with "sokak": more than the count limit, and (on SQLite) common enough that the
    /// page is found by walking the list rather than through the index. Both ways must list the same rows.
    /// </summary>
    private static async Task CommonWordsCountToTheLimit(World w)
    {
        await using (var db = w.Create(UserContext.System))
        {
            var rng = new Random(5);
            for (var i = 0; i < 1500; i++)
            {
                var at = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddMinutes(rng.Next(0, 200_000));
                db.Requests.Add(new Request
                {
                    Number = $"2026-{100 + i:D6}", Year = 2026, Sequence = 100 + i, Text = i % 3 == 0 ? "SOKAK lambası yanmıyor." : "Sokakta çukur var.",
                    Type = RequestType.Sikayet, Channel = RequestChannel.Web, Status = i % 4 == 0 ? RequestStatus.Kapandi : RequestStatus.Islemde,
                    DirectorateId = i % 2 == 0 ? w.Fen : w.Park, NeighbourhoodId = i % 5 == 0 ? w.Yahya : w.Merkez, CategoryId = i % 2 == 0 ? w.Yol : w.Agac,
                    CreatedAt = at, CreatedOn = IstanbulTime.Today(at), UpdatedAt = at, DueAt = at.AddDays(30), AnswerDueAt = at.AddDays(30),
                });
            }
            await db.SaveChangesAsync();
        }
        var admin = await w.List(Admin(), "sokak");
        Assert.Equal((RequestSearch.CountLimit, true), (admin.TotalCount, admin.MoreThanTotal));
        var staff = await w.List(Staff(w.Park), "sokak", f => f with { OpenOnly = true, NeighbourhoodId = w.Merkez });
        Assert.Equal((600, false), (staff.TotalCount, staff.MoreThanTotal));

        // The first pages equal the newest matches computed here, in every shape of filter.
        await using var check = w.Create(UserContext.System);
        var all = await check.Requests.AsNoTracking().ToListAsync();
        foreach (var (user, more) in new (UserContext, Func<RequestFilter, RequestFilter>)[]
                 {
                     (Admin(), f => f), (Staff(w.Park), f => f), (Admin(), f => f with { OpenOnly = true }),
                     (Staff(w.Fen), f => f with { NeighbourhoodId = w.Yahya }), (Admin(), f => f with { Text = "SOKAK LAMBA" }),
                 })
        {
            var filter = more(new RequestFilter { Text = "sokak" });
            var page = await w.List(user, filter.Text!, more);
            var expected = all.Where(r => TurkishText.Fold(r.Text).Contains(TurkishText.Fold(filter.Text!), StringComparison.Ordinal)
                                          && (user.DirectorateId is not { } d || r.DirectorateId == d)
                                          && (!filter.OpenOnly || Request.OpenStatuses.Contains(r.Status))
                                          && (filter.NeighbourhoodId is not { } n || r.NeighbourhoodId == n))
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(25).Select(r => r.Id);
            Assert.Equal(expected, page.Items.Select(i => i.Id));
        }
    }

    private static async Task FoldsTurkishCaseAndLetters(World w)
    {
        foreach (var text in new[] { "korkuluk", "KORKULUK", "Korkuluk", "  korKULuk " })
            Assert.Equal(["Merdiven korkuluk boyası döküldü.", "Parktaki KORKULUK kırılmış."], await w.Texts(Admin(), text));
        foreach (var text in new[] { "inonu", "İNÖNÜ", "İnönü", "INONU", "ınönü" })
            Assert.Equal(["INONU sokakta ağaç devrildi.", "İnönü Caddesi'nde çukur var."], await w.Texts(Admin(), text));
        Assert.Equal(["Çöp konteyneri taşıyor."], await w.Texts(Admin(), "ÇÖP KONTEYNERİ"));
        Assert.Equal(["Çöp konteyneri taşıyor."], await w.Texts(Admin(), "cop konteyneri tasiyor"));
        // A substring, not a word: "korkuluğu" is not "korkuluk", but "korkulu" is in both.
        Assert.Equal(3, (await w.Texts(Admin(), "korkulu")).Count);
        Assert.Empty(await w.Texts(Admin(), "korkuluk yok"));
    }

    private static async Task CombinesWithFiltersAndScope(World w)
    {
        Assert.Equal(["Parktaki KORKULUK kırılmış."], await w.Texts(Admin(), "korkuluk", f => f with { OpenOnly = true }));
        Assert.Equal(["Merdiven korkuluk boyası döküldü."], await w.Texts(Admin(), "korkuluk", f => f with { NeighbourhoodId = w.Yahya }));
        Assert.Equal(["İnönü Caddesi'nde çukur var."], await w.Texts(Admin(), "inonu", f => f with { From = new DateOnly(2026, 6, 2), To = new DateOnly(2026, 6, 3) }));
        Assert.Empty(await w.Texts(Staff(w.Park), "korkuluk"));
        Assert.Equal(["INONU sokakta ağaç devrildi.", "İnönü Caddesi'nde çukur var."], await w.Texts(Staff(w.Park), "inonu"));
        Assert.Empty(await w.Texts(Staff(w.Fen), "inonu"));

        // The statistics and the exports read the same filter: a search narrows them alike.
        var statistics = new RequestStatistics(w.Factory(Admin()), new FixedCurrentUser(Admin()), new FixedClock(Now));
        Assert.Equal(2, (await statistics.GetAsync(new RequestFilter { Text = "KORKULUK" }, StatisticsDimension.Directorate)).Total.Total);
    }

    private static async Task ShortAndOddText(World w)
    {
        // Under three letters there are no trigrams: the search scans, with the same folding.
        Assert.Equal(["Çöp konteyneri taşıyor."], await w.Texts(Admin(), "ÇÖ"));
        Assert.Equal(4, (await w.Texts(Admin(), "ko")).Count);
        // Quotes, wildcards and the FTS5 query syntax are plain text.
        foreach (var text in new[] { "\"korkuluk", "korkuluk*", "%uluk", "kor_uluk", "korkuluk OR çöp", "NEAR(korkuluk)", "-korkuluk" })
            Assert.Empty(await w.Texts(Admin(), text));
        Assert.Equal(["Fiyat %50 arttı (kampanya_2026)."], await w.Texts(Admin(), "%50 arttı (kampanya_"));
    }

    private static async Task FollowsEditedAndDeletedText(World w)
    {
        await using (var db = w.Create(UserContext.System))
        {
            var r = await db.Requests.SingleAsync(x => x.Text == "Çöp konteyneri taşıyor.");
            r.Text = "Çöp konteynerinin yanındaki KORKULUK eğildi.";
            db.Requests.Remove(await db.Requests.SingleAsync(x => x.Text == "Merdiven korkuluk boyası döküldü."));
            await db.SaveChangesAsync();
        }
        Assert.Equal(["Çöp konteynerinin yanındaki KORKULUK eğildi.", "Parktaki KORKULUK kırılmış."], await w.Texts(Admin(), "korkuluk"));
        Assert.Empty(await w.Texts(Admin(), "konteyneri taşıyor"));
        Assert.Empty(await w.Texts(Admin(), "boyası"));
    }

    private static async Task FoldsAsTurkishTextDoes(World w)
    {
        await using var db = w.Create(UserContext.System);
        var rows = await db.Requests.Select(r => new { r.Text, Folded = EF.Property<string>(r, RequestSearch.Column) }).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(TurkishText.Fold(r.Text), r.Folded));
    }

    private static UserContext Admin() => TestUsers.As(Roles.Admin);
    private static UserContext Staff(int directorate) => TestUsers.As(Roles.Staff, directorate);

    private static async Task WithSqlite(Func<World, Task> test)
    {
        using var database = new SqliteTestDatabase();
        await test(await World.SeedAsync(database.Create, database.Factory));
    }

    private static async Task WithPostgres(Func<World, Task> test)
    {
        using var database = ProviderTestDatabase.Postgres();
        await test(await World.SeedAsync(database.Create, database.Factory));
    }

    /// <summary>Two directorates, two neighbourhoods and a handful of requests, one a day from 1 June 2026.</summary>
    private sealed record World(Func<UserContext, IntranetDbContext> Create, Func<UserContext, IDbContextFactory<IntranetDbContext>> Factory,
        int Fen, int Park, int Merkez, int Yahya, int Yol, int Agac)
    {
        public static async Task<World> SeedAsync(Func<UserContext, IntranetDbContext> create, Func<UserContext, IDbContextFactory<IntranetDbContext>> factory)
        {
            await using var db = create(UserContext.System);
            var fen = new Directorate { Name = "Fen İşleri Müdürlüğü", Code = "FEN" };
            var park = new Directorate { Name = "Park ve Bahçeler Müdürlüğü", Code = "PARK" };
            var merkez = new Neighbourhood { Name = "Merkez" };
            var yahya = new Neighbourhood { Name = "Yahya Kemal" };
            var yol = new Category { Name = "Yol Bakım", DefaultDirectorate = fen, WaitingTime = 3 };
            var agac = new Category { Name = "Ağaç Budama", DefaultDirectorate = park, WaitingTime = 3 };
            db.AddRange(fen, park, merkez, yahya, yol, agac);
            await db.SaveChangesAsync();
            var seeds = new (string Text, Directorate D, Neighbourhood N, Category C, RequestStatus S)[]
            {
                ("Parktaki KORKULUK kırılmış.", fen, merkez, yol, RequestStatus.Islemde),
                ("İnönü Caddesi'nde çukur var.", park, merkez, agac, RequestStatus.Atandi),
                ("Merdiven korkuluk boyası döküldü.", fen, yahya, yol, RequestStatus.Kapandi),
                ("INONU sokakta ağaç devrildi.", park, yahya, agac, RequestStatus.Yeni),
                ("Çöp konteyneri taşıyor.", fen, merkez, yol, RequestStatus.Yeni),
                ("Kaldırım korkuluğu sökülmüş.", fen, merkez, yol, RequestStatus.Kapandi),
                ("Fiyat %50 arttı (kampanya_2026).", park, merkez, agac, RequestStatus.Kapandi),
            };
            for (var i = 0; i < seeds.Length; i++)
            {
                var (text, d, n, c, s) = seeds[i];
                var at = new DateTime(2026, 6, 1 + i, 9, 0, 0, DateTimeKind.Utc);
                db.Requests.Add(new Request
                {
                    Number = $"2026-{i + 1:D6}", Year = 2026, Sequence = i + 1, Text = text, Type = RequestType.Sikayet, Channel = RequestChannel.Web,
                    Status = s, DirectorateId = d.Id, NeighbourhoodId = n.Id, CategoryId = c.Id,
                    CreatedAt = at, CreatedOn = IstanbulTime.Today(at), UpdatedAt = at, DueAt = at.AddDays(30), AnswerDueAt = at.AddDays(30),
                });
            }
            await db.SaveChangesAsync();
            return new World(create, factory, fen.Id, park.Id, merkez.Id, yahya.Id, yol.Id, agac.Id);
        }

        public Task<PagedResult<RequestListRow>> List(UserContext user, string text, Func<RequestFilter, RequestFilter>? more = null) =>
            new RequestQueries(Factory(user), new FixedCurrentUser(user), new FixedClock(Now))
                .ListAsync((more ?? (f => f))(new RequestFilter { Text = text }), new RequestPage());

        /// <summary>The list's first page for this search (newest first), as the texts of its rows; checks the total too.</summary>
        public async Task<List<string>> Texts(UserContext user, string text, Func<RequestFilter, RequestFilter>? more = null)
        {
            var page = await List(user, text, more);
            Assert.Equal((page.Items.Count, false), (page.TotalCount, page.MoreThanTotal));
            await using var db = Create(UserContext.System);
            var ids = page.Items.Select(i => i.Id).ToList();
            var texts = await db.Requests.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Text);
            return ids.Select(id => texts[id]).ToList();
        }
    }
}
