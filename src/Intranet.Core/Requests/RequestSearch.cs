using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>
/// The request list's free-text search: a Turkish-folded substring of the request text ("korkuluk", "KORKULUK" and
/// "Korkuluk" find the same rows; "inonu" finds "İnönü"), answered from an index instead of reading every request.
/// <list type="bullet">
/// <item>Every provider gets the computed column <see cref="Column"/>: the text lower-cased with the Turkish letters
/// folded as <see cref="TurkishText.Fold"/> folds them, computed by the database itself, so no save path (nor a bulk
/// seed, nor another branch's update) can forget it.</item>
/// <item>SQLite: an FTS5 trigram table over that column (<see cref="SqliteTable"/>), external content, kept in step by
/// triggers (<see cref="SqliteUp"/>).</item>
/// <item>PostgreSQL: a GIN index on the directorate and the stored column's trigrams (pg_trgm, with btree_gin for the
/// directorate); a LIKE '%…%' uses it, and a directorate's staff searching their own requests get only their
/// directorate's matches out of the index instead of every match ANDed with a bitmap of the directorate's 200,000 rows
/// (a common word: 35 ms instead of 55–80 ms on a million requests).</item>
/// <item>SQL Server: LIKE on the computed column, a scan (full-text catalogs cannot be tested here).</item>
/// </list>
/// Trigrams need three letters: a one- or two-letter search falls back to LIKE over the column, a scan everywhere.
/// </summary>
public static class RequestSearch
{
    public const string Column = "SearchText";
    public const string SqliteTable = "RequestSearch";

    /// <summary>The letters <see cref="TurkishText.Fold"/> maps, and what to; lower-casing does the rest.</summary>
    private const string From = "İıŞşĞğÜüÖöÇçÎîÛûÂâ";
    private const string To = "iissgguuoocciiuuaa";

    /// <summary>The folded text as SQL of the given provider, over the quoted column <paramref name="text"/>.</summary>
    public static string FoldSql(string? providerName, string text)
    {
        if (IsSqlite(providerName))
        {
            // SQLite has no translate(): one replace() per letter. Its lower() folds ASCII only; the FTS5 index folds
            // the case of every other letter itself.
            var sql = text;
            for (var i = 0; i < From.Length; i++) sql = $"replace({sql}, '{From[i]}', '{To[i]}')";
            return $"lower({sql})";
        }
        return IsSqlServer(providerName)
            ? $"LOWER(TRANSLATE({text}, N'{From}', N'{To}'))"
            : $"lower(translate({text}, '{From}', '{To}'))";
    }

    /// <summary>The computed column (and on PostgreSQL its trigram index); called from the model for each provider.</summary>
    internal static void Configure(ModelBuilder model, string? providerName)
    {
        var request = model.Entity<Request>();
        var sqlite = IsSqlite(providerName);
        var postgres = !sqlite && !IsSqlServer(providerName);
        // PostgreSQL stores it (a GIN index needs a stored column or an expression the queries repeat); SQLite and
        // SQL Server compute it when read, which the FTS5 table and a LIKE scan do.
        request.Property<string>(Column).HasMaxLength(4000)
            .HasComputedColumnSql(FoldSql(providerName, sqlite || postgres ? "\"Text\"" : "[Text]"), stored: postgres);
        if (postgres)
        {
            model.HasPostgresExtension("pg_trgm");
            model.HasPostgresExtension("btree_gin");
            request.HasIndex(nameof(Request.DirectorateId), Column).HasDatabaseName("IX_Requests_DirectorateId_SearchText")
                .HasMethod("gin").HasOperators(null!, "gin_trgm_ops");
        }
    }

    /// <summary>
    /// A search that lists at most this many matches' worth of count: "more than 1,000" costs a bounded read however
    /// common the word, where an exact count of a word in most requests reads them all.
    /// </summary>
    public const int CountLimit = 1000;

    /// <summary>Whether the list's text is words to search (not a reference number nor a phone number).</summary>
    public static bool IsFreeText(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !RequestNumber.LooksLikeNumber(text.Trim()) && PhoneNumber.Normalize(text.Trim()) is null;

    /// <summary>
    /// How the list runs one search on SQLite: <see cref="Ids"/>, the matches read once from the FTS5 table (then the
    /// count and the page probe them by primary key), or null for a word so common that walking the list in its
    /// order and testing each row finds a page sooner.
    /// </summary>
    internal sealed record SqlitePlan(IReadOnlyList<int>? Ids);

    /// <summary>
    /// Requests whose text contains <paramref name="text"/>, Turkish-folded. SQLite: the ids of <paramref name="plan"/>,
    /// or each row's folded text tested (a common word), or without a plan joined to the FTS5 matches (the index
    /// drives, lazily, so a count with a limit stops early). Elsewhere: LIKE on the folded column (PostgreSQL's
    /// planner chooses between the trigram index and the walk itself).
    /// </summary>
    internal static IQueryable<Request> Matching(this IQueryable<Request> query, IntranetDbContext db, string text, SqlitePlan? plan = null)
    {
        var folded = TurkishText.Fold(text);
        if (db.Database.IsSqlite() && folded.Length >= 3)
        {
            // One JSON parameter (json_each), not one parameter per id.
            if (plan?.Ids is { } ids) return query.Where(r => EF.Parameter(ids).Contains(r.Id));
            if (plan is not null) return query.Where(r => EF.Property<string>(r, Column).Contains(folded));
            var hits = Hits(db, folded);
            return query.Join(hits, r => r.Id, id => id, (r, _) => r);
        }
        var pattern = "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return query.Where(r => EF.Functions.Like(EF.Property<string>(r, Column), pattern, "\\"));
    }

    /// <summary>
    /// SQLite: the plan of a list search. A page of 25 among N requests walks about 25·N/m rows for m matches; the
    /// index reads all m: the walk wins above m = √(25·N) (5,000 for a million), so at most that many ids are read.
    /// </summary>
    internal static async Task<SqlitePlan?> PlanAsync(IntranetDbContext db, string text, int pageSize, CancellationToken ct)
    {
        var folded = TurkishText.Fold(text.Trim());
        if (!db.Database.IsSqlite() || folded.Length < 3) return null;
        var requests = await db.Requests.MaxAsync(r => (int?)r.Id, ct) ?? 0;
        var threshold = (int)Math.Sqrt((double)pageSize * requests);
        var ids = await Hits(db, folded).Take(threshold + 1).ToListAsync(ct);
        return new SqlitePlan(ids.Count > threshold ? null : ids);
    }

    // A quoted FTS5 string is a phrase: with the trigram tokenizer, a substring match.
    private static IQueryable<int> Hits(IntranetDbContext db, string folded) =>
        db.Database.SqlQueryRaw<int>($"SELECT rowid AS \"Value\" FROM \"{SqliteTable}\" WHERE \"{SqliteTable}\" MATCH {{0}}",
            "\"" + folded.Replace("\"", "\"\"") + "\"");

    /// <summary>SQLite: the FTS5 table over <see cref="Column"/>, its triggers, and the index of the requests already there.</summary>
    public static string SqliteUp => $"""
        CREATE VIRTUAL TABLE "{SqliteTable}" USING fts5("{Column}", content='Requests', content_rowid='Id', tokenize='trigram');
        CREATE TRIGGER "Requests_Search_Insert" AFTER INSERT ON "Requests" BEGIN
          INSERT INTO "{SqliteTable}"(rowid, "{Column}") VALUES (new."Id", new."{Column}");
        END;
        CREATE TRIGGER "Requests_Search_Delete" AFTER DELETE ON "Requests" BEGIN
          INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "{Column}") VALUES ('delete', old."Id", old."{Column}");
        END;
        CREATE TRIGGER "Requests_Search_Update" AFTER UPDATE OF "Text" ON "Requests" BEGIN
          INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "{Column}") VALUES ('delete', old."Id", old."{Column}");
          INSERT INTO "{SqliteTable}"(rowid, "{Column}") VALUES (new."Id", new."{Column}");
        END;
        INSERT INTO "{SqliteTable}"("{SqliteTable}") VALUES ('rebuild');
        """;

    public static string SqliteDown => $"""
        DROP TRIGGER IF EXISTS "Requests_Search_Update";
        DROP TRIGGER IF EXISTS "Requests_Search_Delete";
        DROP TRIGGER IF EXISTS "Requests_Search_Insert";
        DROP TABLE IF EXISTS "{SqliteTable}";
        """;

    private static bool IsSqlite(string? provider) => provider?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;
    private static bool IsSqlServer(string? provider) => provider?.EndsWith(".SqlServer", StringComparison.Ordinal) == true;
}
