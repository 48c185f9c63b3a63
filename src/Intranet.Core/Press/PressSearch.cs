using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

/// <summary>
/// Full-text search over <see cref="PressClipping.SearchText"/>, which already holds the text folded by
/// <see cref="TurkishText.Words"/>; the query is folded the same way, so Turkish casing and letters never decide a
/// match, on any provider. Every query word must occur, as a word or the start of one ("park" finds "parkı"; Turkish
/// adds its endings to the word).
/// <list type="bullet">
/// <item>SQLite: an FTS5 table over the clippings (external content, kept by triggers), see <see cref="SqliteUp"/>.</item>
/// <item>PostgreSQL: a generated tsvector column ('simple' configuration: no stemming, the text is folded already) with
/// a GIN index, see <see cref="PostgresUp"/>.</item>
/// <item>SQL Server: full-text search needs a full-text catalog, which the migrations cannot assume and this project
/// cannot test; SQL Server uses a word-start LIKE over the same column instead (correct, but a scan on a large archive).</item>
/// </list>
/// The SQL below is run by this feature's migration in each provider's project; a regenerated migration must call it
/// again (the search tests fail without it).
/// </summary>
public static class PressSearch
{
    public static IQueryable<PressClipping> Apply(IntranetDbContext db, IQueryable<PressClipping> query, string? search)
    {
        var words = TurkishText.Words(search).Distinct().Take(8).ToArray();
        if (words.Length == 0) return query;
        if (db.Database.IsSqlite())
        {
            // Words are letters and digits only, so quoting them is all FTS5 needs; one-letter words match whole.
            var match = string.Join(" AND ", words.Select(w => w.Length > 1 ? $"\"{w}\"*" : $"\"{w}\""));
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"PressClippingSearch\" WHERE \"PressClippingSearch\" MATCH {match}");
            return query.Where(c => ids.Contains(c.Id));
        }
        if (db.Database.IsNpgsql())
        {
            var tsquery = string.Join(" & ", words.Select(w => w.Length > 1 ? w + ":*" : w));
            var ids = db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM \"PressClippings\" WHERE \"SearchVector\" @@ to_tsquery('simple', {tsquery})");
            return query.Where(c => ids.Contains(c.Id));
        }
        foreach (var word in words)
        {
            var start = " " + word;
            query = query.Where(c => (" " + c.SearchText).Contains(start));
        }
        return query;
    }

    /// <summary>FTS5 over PressClippings.SearchText; triggers keep it in step with every insert, update and delete.</summary>
    public const string SqliteUp = """
        CREATE VIRTUAL TABLE "PressClippingSearch" USING fts5("SearchText", content='PressClippings', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
        CREATE TRIGGER "PressClippings_Search_Insert" AFTER INSERT ON "PressClippings" BEGIN
            INSERT INTO "PressClippingSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        CREATE TRIGGER "PressClippings_Search_Delete" AFTER DELETE ON "PressClippings" BEGIN
            INSERT INTO "PressClippingSearch"("PressClippingSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
        END;
        CREATE TRIGGER "PressClippings_Search_Update" AFTER UPDATE OF "SearchText" ON "PressClippings" BEGIN
            INSERT INTO "PressClippingSearch"("PressClippingSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            INSERT INTO "PressClippingSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        INSERT INTO "PressClippingSearch"("PressClippingSearch") VALUES ('rebuild');
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
