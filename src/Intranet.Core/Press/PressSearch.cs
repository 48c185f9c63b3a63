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
            return Apply(db, db.PressClippings.AsNoTracking().Where(c => ids.Contains(c.Id)), RowChecked(words));
        }
        if (db.Database.IsNpgsql())
            return db.PressClippings.FromSql($"SELECT * FROM \"PressClippings\" WHERE \"SearchVector\" @@ to_tsquery('simple', {TsQuery(words)})").AsNoTracking();
        return Apply(db, db.PressClippings.AsNoTracking(), search);
    }

    /// <summary>The LIKE fallback (SQL Server): each word must start a word of the folded text.</summary>
    public static IQueryable<PressClipping> Apply(IntranetDbContext db, IQueryable<PressClipping> query, string? search) =>
        Apply(db, query, WordsOf(search));

    private static IQueryable<PressClipping> Apply(IntranetDbContext db, IQueryable<PressClipping> query, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var start = " " + word;
            query = query.Where(c => (" " + c.SearchText).Contains(start));
        }
        return query;
    }

    /// <summary>
    /// The FTS5 table keeps prefix indexes of 2, 3, 4 and 6 letters (prefix='2 3 4 6'). A prefix query of exactly such a
    /// length reads one ready list, newest first, and stops when the page is full; any other length would make FTS5
    /// merge every matching word's list in memory first (slow for a common word). So each word asks for its longest
    /// indexed prefix ("istanbul" → istanb*), and the row check in <see cref="RowChecked"/> keeps the whole word.
    /// </summary>
    private static readonly int[] PrefixLengths = [6, 4, 3, 2];

    // Words are letters and digits only, so quoting them is all FTS5 needs; a one-letter word must match whole.
    private static string FtsQuery(string[] words) =>
        string.Join(" AND ", words.Select(w => w.Length == 1 ? $"\"{w}\"" : $"\"{w[..PrefixLengths.First(n => n <= w.Length)]}\"*"));

    /// <summary>The words a shortened prefix stands for: each is checked as a word start in the row it found.</summary>
    private static IEnumerable<string> RowChecked(string[] words) => words.Where(w => w.Length > 1 && !PrefixLengths.Contains(w.Length));

    private static string TsQuery(string[] words) => string.Join(" & ", words.Select(w => w.Length > 1 ? w + ":*" : w));

    /// <summary>
    /// One archive page on SQLite: the FTS5 index is walked newest first (rowid = clipping id, in descending order,
    /// which FTS5 does without sorting) and each match's row is checked against the other conditions, so the walk stops
    /// after the page; <paramref name="lo"/>..<paramref name="hi"/> (the ids of the filter's days) bound the walk.
    /// Returns the page's ids and the number of matches, counted up to <paramref name="countLimit"/>.
    /// </summary>
    public static async Task<(List<int> Ids, int Count)> SqlitePageAsync(IntranetDbContext db, ClippingFilter f, int? lo, int? hi,
        int skip, int take, int countLimit, CancellationToken ct)
    {
        var where = new List<string> { "s.\"PressClippingSearch\" MATCH $q" };
        var parameters = new List<SqliteParameter> { new("$q", FtsQuery(WordsOf(f.Search))) };
        void Add(string condition, string? name = null, object? value = null)
        {
            where.Add(condition);
            if (name is not null) parameters.Add(new SqliteParameter(name, value));
        }
        var i = 0;
        foreach (var word in RowChecked(WordsOf(f.Search)))
            Add($"(' ' || p.\"SearchText\") LIKE $w{i}", $"$w{i++}", "% " + word + "%");
        if (lo is { } l) Add("s.rowid >= $lo", "$lo", l);
        if (hi is { } h) Add("s.rowid <= $hi", "$hi", h);
        if (f.Tone is { } tone) Add("p.\"Tone\" = $tone", "$tone", (int)tone);
        if (f.SourceId is { } source) Add("p.\"SourceId\" = $source", "$source", source);
        if (f.Kind is { } kind) Add("p.\"Kind\" = $kind", "$kind", (int)kind);
        if (f.DirectorateId is { } dir) Add("p.\"DirectorateIds\" LIKE $dir", "$dir", "%" + IdList.Token(dir) + "%");
        // DateOnly is stored as yyyy-MM-dd text, which compares in date order.
        if (f.From is { } from) Add("p.\"PublishedOn\" >= $from", "$from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (f.To is { } to) Add("p.\"PublishedOn\" <= $to", "$to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (f.NeedsAnswerOnly) Add("p.\"NeedsAnswer\" = 1");
        if (f.UnreviewedOnly) Add("p.\"ReviewedAt\" IS NULL");
        var from_ = $"FROM \"PressClippingSearch\" AS s JOIN \"PressClippings\" AS p ON p.\"Id\" = s.rowid WHERE {string.Join(" AND ", where)}";

        // The SQL is built from the fixed fragments above only; every value travels as a parameter.
        var pageSql = "SELECT p.\"Id\" AS \"Value\" " + from_ + " ORDER BY s.rowid DESC LIMIT $take OFFSET $skip";
        var countSql = "SELECT count(*) AS \"Value\" FROM (SELECT 1 " + from_ + " LIMIT $limit)";
        object[] With(params SqliteParameter[] extra) => [.. parameters.Select(p => new SqliteParameter(p.ParameterName, p.Value)), .. extra];
        var ids = await db.Database.SqlQueryRaw<int>(pageSql, With(new SqliteParameter("$take", take), new SqliteParameter("$skip", skip))).ToListAsync(ct);
        var count = await db.Database.SqlQueryRaw<int>(countSql, With(new SqliteParameter("$limit", countLimit))).SingleAsync(ct);
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
