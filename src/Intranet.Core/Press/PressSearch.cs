using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>
/// Full-text search over <see cref="PressClipping.SearchText"/>, which already holds the text folded by
/// <see cref="TurkishText.Words"/>; the query is folded the same way, so Turkish casing and letters never decide a
/// match, on any provider. Every query word must occur, as a word or the start of one ("park" finds "parkı"; Turkish
/// adds its endings to the word).
/// <list type="bullet">
/// <item>SQLite: an FTS5 table over the clippings (external content, kept by triggers), see <see cref="SqliteUp"/>. The
/// archive page is read by walking the index newest first (<see cref="SqlitePageAsync"/>), so a common word costs as
/// little as a rare one.</item>
/// <item>PostgreSQL: a generated tsvector column ('simple' configuration: no stemming, the text is folded already) with
/// a GIN index, see <see cref="PostgresUp"/>; the condition sits in the query itself, so the planner chooses between
/// the GIN index and walking the newest rows.</item>
/// <item>SQL Server: full-text search needs a full-text catalog, which the migrations cannot assume and this project
/// cannot test; SQL Server uses a word-start LIKE over the same column instead (correct, but a scan on a large archive).</item>
/// </list>
/// The SQL below is run by this feature's migration in each provider's project; a regenerated migration must call it
/// again (the search tests fail without it).
/// </summary>
public static class PressSearch
{
    /// <summary>The folded query words (at most eight).</summary>
    public static string[] WordsOf(string? search) => TurkishText.Words(search).Distinct().Take(8).ToArray();

    public static bool HasWords(string? search) => WordsOf(search).Length > 0;

    /// <summary>The clippings that match the text (all of them when there is none), ready for more conditions.</summary>
    public static IQueryable<PressClipping> Matching(IntranetDbContext db, string? search)
    {
        var words = WordsOf(search);
        if (words.Length == 0) return db.PressClippings.AsNoTracking();
        if (db.Database.IsSqlite())
        {
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"PressClippingSearch\" WHERE \"PressClippingSearch\" MATCH {FtsQuery(words)}");
            return db.PressClippings.AsNoTracking().Where(c => ids.Contains(c.Id));
        }
        if (db.Database.IsNpgsql())
            return db.PressClippings.FromSql($"SELECT * FROM \"PressClippings\" WHERE \"SearchVector\" @@ to_tsquery('simple', {TsQuery(words)})").AsNoTracking();
        return Apply(db, db.PressClippings.AsNoTracking(), search);
    }

    /// <summary>The LIKE fallback (SQL Server): each word must start a word of the folded text.</summary>
    public static IQueryable<PressClipping> Apply(IntranetDbContext db, IQueryable<PressClipping> query, string? search)
    {
        foreach (var word in WordsOf(search))
        {
            var start = " " + word;
            query = query.Where(c => (" " + c.SearchText).Contains(start));
        }
        return query;
    }

    /// <summary>
    /// Each word is a prefix query ("park"*); a one-letter word must match whole. The FTS5 table keeps prefix indexes of
    /// 2, 3, 4 and 6 letters (prefix='2 3 4 6'): a word of such a length reads one ready list, newest first, and stops
    /// when the page is full. Any other length makes FTS5 merge the lists of the words it starts first, which costs in
    /// proportion to that word's own matches (about 15 ms of CPU for a word in half of 500,000 clippings). Asking for a
    /// shorter indexed prefix and checking the whole word in each row was tried and dropped: a rare word behind a common
    /// prefix ("kağıthaneli" behind "kagith", 270,000 rows) then walks every row of the prefix (seconds).
    /// Words are letters and digits only, so quoting them is all FTS5 needs.
    /// </summary>
    private static string FtsQuery(string[] words) => string.Join(" AND ", words.Select(w => w.Length > 1 ? $"\"{w}\"*" : $"\"{w}\""));

    /// <summary>
    /// Long words as the nearest ready prefix ("istanbul" → "istanb"*) and the words that then need a row check. A common
    /// word's newest matches lie close together in its prefix's list, so this walk beats merging the word's own lists.
    /// </summary>
    private static (string Query, string[] WholeWords) IndexedPrefixes(string[] words) =>
        (string.Join(" AND ", words.Select(w => w.Length == 1 ? $"\"{w}\"" : $"\"{w[..PrefixLengths.First(n => n <= w.Length)]}\"*")),
         words.Where(w => w.Length > 1 && !PrefixLengths.Contains(w.Length)).ToArray());

    private static readonly int[] PrefixLengths = [6, 4, 3, 2];

    /// <summary>How many entries of a prefix's list the row-checked walk may read before the merge takes over.</summary>
    public const int PrefixWindow = 2000;

    private static string TsQuery(string[] words) => string.Join(" & ", words.Select(w => w.Length > 1 ? w + ":*" : w));

    /// <summary>
    /// One archive page on SQLite: the FTS5 index is walked newest first (rowid = clipping id, in descending order,
    /// which FTS5 does without sorting) and each match's row is checked against the other conditions, so the walk stops
    /// once the counted matches are found; <paramref name="lo"/>..<paramref name="hi"/> (the ids of the filter's days)
    /// bound the walk. Returns the page's ids and the number of matches, counted up to <paramref name="countLimit"/>.
    /// </summary>
    public static async Task<(List<int> Ids, int Count)> SqlitePageAsync(IntranetDbContext db, ClippingFilter f, int? lo, int? hi,
        int skip, int take, int countLimit, CancellationToken ct, int prefixWindow = PrefixWindow)
    {
        var words = WordsOf(f.Search);
        var where = new List<string>();
        var parameters = new List<SqliteParameter>();
        void Add(string condition, string? name = null, object? value = null)
        {
            where.Add(condition);
            if (name is not null) parameters.Add(new SqliteParameter(name, value));
        }
        if (lo is { } l) Add("s.rowid >= $lo", "$lo", l);
        if (hi is { } h) Add("s.rowid <= $hi", "$hi", h);
        var range = where.ToList();
        if (f.Tone is { } tone) Add("p.\"Tone\" = $tone", "$tone", (int)tone);
        if (f.SourceId is { } source) Add("p.\"SourceId\" = $source", "$source", source);
        if (f.Kind is { } kind) Add("p.\"Kind\" = $kind", "$kind", (int)kind);
        if (f.DirectorateId is { } dir) Add("p.\"DirectorateIds\" LIKE $dir", "$dir", "%" + IdList.Token(dir) + "%");
        // DateOnly is stored as yyyy-MM-dd text, which compares in date order.
        if (f.From is { } from) Add("p.\"PublishedOn\" >= $from", "$from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (f.To is { } to) Add("p.\"PublishedOn\" <= $to", "$to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (f.NeedsAnswerOnly) Add("p.\"NeedsAnswer\" = 1");
        if (f.UnreviewedOnly) Add("p.\"ReviewedAt\" IS NULL");

        // The SQL is built from the fixed fragments above only; every value travels as a parameter.
        string From(IEnumerable<string> extra) => "FROM \"PressClippingSearch\" AS s JOIN \"PressClippings\" AS p ON p.\"Id\" = s.rowid WHERE s.\"PressClippingSearch\" MATCH $q"
            + string.Concat(where.Concat(extra).Select(c => " AND " + c));
        object[] With(string query, params SqliteParameter[] extra) =>
            [new SqliteParameter("$q", query), .. parameters.Select(p => new SqliteParameter(p.ParameterName, p.Value)), .. extra];
        Task<List<int>> Ids(string sql, string query, params SqliteParameter[] extra) => db.Database.SqlQueryRaw<int>(sql, With(query, extra)).ToListAsync(ct);
        string PageSql(IEnumerable<string> extra) => "SELECT p.\"Id\" AS \"Value\" " + From(extra) + " ORDER BY s.rowid DESC LIMIT $take OFFSET $skip";
        // A bare 0 would pick SqliteParameter's SqliteType overload.
        SqliteParameter[] Limit(int n, int offset = 0) => [new("$take", n), new("$skip", (object)offset)];

        if (f.SourceId is not null)
        {
            // One source is a small part of the archive: its ids come from the (SourceId, TitleKey) index without reading
            // rows and only those among the word's matches are read; the newest-first walk would read every match's row.
            var inner = "SELECT s.rowid FROM \"PressClippingSearch\" AS s WHERE s.\"PressClippingSearch\" MATCH $q" + string.Concat(range.Select(c => " AND " + c));
            var bySource = "SELECT p.\"Id\" AS \"Value\" FROM \"PressClippings\" AS p INDEXED BY \"IX_PressClippings_SourceId_TitleKey\" WHERE p.\"Id\" IN ("
                + inner + ")" + string.Concat(where.Except(range).Select(c => " AND " + c)) + " ORDER BY p.\"Id\" DESC LIMIT $take OFFSET $skip";
            var counted = await Ids(bySource, FtsQuery(words), Limit(countLimit));
            return (skip + take <= countLimit ? counted.Skip(skip).Take(take).ToList() : await Ids(bySource, FtsQuery(words), Limit(take, skip)), counted.Count);
        }
        var (prefixQuery, wholeWords) = IndexedPrefixes(words);
        if (wholeWords.Length > 0 && skip + take <= countLimit)
        {
            // Ready prefix lists, newest first, for at most PrefixWindow entries; each row keeps the whole word start.
            var checks = wholeWords.Select((_, i) => $"(' ' || p.\"SearchText\") LIKE $w{i}").ToList();
            var starts = wholeWords.Select((w, i) => new SqliteParameter($"$w{i}", "% " + w + "%")).ToArray();
            var edge = await Ids("SELECT s.rowid AS \"Value\" FROM \"PressClippingSearch\" AS s WHERE s.\"PressClippingSearch\" MATCH $q"
                + string.Concat(range.Select(c => " AND " + c)) + " ORDER BY s.rowid DESC LIMIT 1 OFFSET $skip", prefixQuery, new SqliteParameter("$skip", prefixWindow - 1));
            if (edge.Count > 0) checks.Add("s.rowid >= $edge");
            var found = await Ids(PageSql(checks), prefixQuery, [.. Limit(countLimit), .. starts, new("$edge", edge.Count > 0 ? edge[0] : 0)]);
            // Complete when the window held every candidate or enough matches; else a rare word behind a common prefix.
            if (edge.Count == 0 || found.Count >= countLimit) return (found.Skip(skip).Take(take).ToList(), found.Count);
        }
        var query = FtsQuery(words);
        if (skip + take <= countLimit)
        {
            // The early pages lie within the counted matches: one walk (one merge of a long word's lists) gives both.
            var first = await Ids(PageSql([]), query, Limit(countLimit));
            return (first.Skip(skip).Take(take).ToList(), first.Count);
        }
        var ids = await Ids(PageSql([]), query, Limit(take, skip));
        var countSql = "SELECT count(*) AS \"Value\" FROM (SELECT 1 " + From([]) + " LIMIT $limit)";
        var count = await db.Database.SqlQueryRaw<int>(countSql, With(query, new SqliteParameter("$limit", countLimit))).SingleAsync(ct);
        return (ids, count);
    }

    /// <summary>FTS5 over PressClippings.SearchText; triggers keep it in step with every insert, update and delete.</summary>
    public const string SqliteUp = $$"""
        CREATE VIRTUAL TABLE "PressClippingSearch" USING fts5("SearchText", content='PressClippings', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 6');
        {{SqliteInsertTrigger}}
        CREATE TRIGGER "PressClippings_Search_Delete" AFTER DELETE ON "PressClippings" BEGIN
            INSERT INTO "PressClippingSearch"("PressClippingSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
        END;
        CREATE TRIGGER "PressClippings_Search_Update" AFTER UPDATE OF "SearchText" ON "PressClippings" BEGIN
            INSERT INTO "PressClippingSearch"("PressClippingSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            INSERT INTO "PressClippingSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        INSERT INTO "PressClippingSearch"("PressClippingSearch") VALUES ('rebuild');
        """;

    /// <summary>The insert trigger alone: a bulk load may drop it, load, rebuild the index and create it again.</summary>
    public const string SqliteInsertTrigger = """
        CREATE TRIGGER "PressClippings_Search_Insert" AFTER INSERT ON "PressClippings" BEGIN
            INSERT INTO "PressClippingSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "PressClippings_Search_Insert";
        DROP TRIGGER IF EXISTS "PressClippings_Search_Delete";
        DROP TRIGGER IF EXISTS "PressClippings_Search_Update";
        DROP TABLE IF EXISTS "PressClippingSearch";
        """;

    public const string PostgresUp = """
        ALTER TABLE "PressClippings" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "SearchText")) STORED;
        CREATE INDEX "IX_PressClippings_SearchVector" ON "PressClippings" USING GIN ("SearchVector");
        """;

    public const string PostgresDown = """
        DROP INDEX IF EXISTS "IX_PressClippings_SearchVector";
        ALTER TABLE "PressClippings" DROP COLUMN IF EXISTS "SearchVector";
        """;

    /// <summary>
    /// Before the dedupe index: older databases may hold one source's same title twice; all but the first get their
    /// id appended to the key (nothing is deleted).
    /// </summary>
    public static string DisambiguateTitlesSql(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => """
            UPDATE [PressClippings] SET [TitleKey] = LEFT([TitleKey], 480) + N'#' + CAST([Id] AS nvarchar(12))
            WHERE [SourceId] IS NOT NULL AND [Id] NOT IN (SELECT MIN([Id]) FROM [PressClippings] WHERE [SourceId] IS NOT NULL GROUP BY [SourceId], [TitleKey]);
            """,
        _ => """
            UPDATE "PressClippings" SET "TitleKey" = substr("TitleKey", 1, 480) || '#' || CAST("Id" AS TEXT)
            WHERE "SourceId" IS NOT NULL AND "Id" NOT IN (SELECT MIN("Id") FROM "PressClippings" WHERE "SourceId" IS NOT NULL GROUP BY "SourceId", "TitleKey");
            """,
    };
}
