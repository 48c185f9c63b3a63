using System.Diagnostics;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Intranet.PressBench;

/// <summary>
/// Appends generated clippings the fast way each provider has: one prepared INSERT in large transactions on SQLite
/// (the FTS5 index rebuilt once at the end), binary COPY on PostgreSQL (the generated tsvector is computed
/// per row). The values are written in the formats EF Core itself uses, so the app reads them back as its own.
/// </summary>
public static class BulkLoader
{
    private static readonly string[] Columns =
    [
        "SourceId", "Kind", "Title", "TitleKey", "Summary", "Url", "UrlHash", "PublishedAt", "PublishedOn", "CapturedAt", "Tone", "Topic",
        "Importance", "NeedsAnswer", "DirectorateIds", "MatchedRules", "Columnist", "SearchText", "Version",
    ];

    public static async Task LoadAsync(IntranetDbContext db, ClippingGenerator generator, int from, int count)
    {
        var watch = Stopwatch.StartNew();
        if (db.Database.IsSqlite()) await SqliteAsync((SqliteConnection)db.Database.GetDbConnection(), generator, from, count, watch);
        else await PostgresAsync((NpgsqlConnection)db.Database.GetDbConnection(), generator, from, count, watch);
        Console.WriteLine($"Loaded {count:N0} clippings in {watch.Elapsed.TotalSeconds:N0} s");
    }

    private static async Task SqliteAsync(SqliteConnection connection, ClippingGenerator generator, int from, int count, Stopwatch watch)
    {
        await connection.OpenAsync();
        async Task ExecAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
        await ExecAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        // Indexing row by row through the trigger is the slow part of a bulk load: the index is rebuilt once instead.
        await ExecAsync("DROP TRIGGER IF EXISTS \"PressClippings_Search_Insert\"");
        const int batch = 50_000;
        for (var start = from; start < from + count; start += batch)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO \"PressClippings\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i))})";
            var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            insert.Prepare();
            for (var i = start; i < Math.Min(start + batch, from + count); i++)
            {
                var values = Values(generator.Next(i), guidAsText: true);
                for (var p = 0; p < values.Length; p++) parameters[p].Value = values[p] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            Console.WriteLine($"  {start + batch - from:N0} … {watch.Elapsed.TotalSeconds:N0} s");
        }
        await ExecAsync("INSERT INTO \"PressClippingSearch\"(\"PressClippingSearch\") VALUES ('rebuild')");
        await ExecAsync(PressSearch.SqliteInsertTrigger);
        Console.WriteLine($"  full-text index rebuilt … {watch.Elapsed.TotalSeconds:N0} s");
    }

    private static async Task PostgresAsync(NpgsqlConnection connection, ClippingGenerator generator, int from, int count, Stopwatch watch)
    {
        await connection.OpenAsync();
        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Date, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer, NpgsqlDbType.Varchar,
            NpgsqlDbType.Integer, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Uuid,
        ];
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"PressClippings\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        for (var i = from; i < from + count; i++)
        {
            await writer.StartRowAsync();
            var values = Values(generator.Next(i), guidAsText: false);
            for (var p = 0; p < values.Length; p++)
            {
                if (values[p] is null) await writer.WriteNullAsync();
                else await writer.WriteAsync(values[p], types[p]);
            }
            if ((i - from + 1) % 100_000 == 0) Console.WriteLine($"  {i - from + 1:N0} … {watch.Elapsed.TotalSeconds:N0} s");
        }
        await writer.CompleteAsync();
    }

    private static object?[] Values(PressClipping c, bool guidAsText) =>
    [
        c.SourceId, (int)c.Kind, c.Title, c.TitleKey, c.Summary, c.Url, c.UrlHash, c.PublishedAt, c.PublishedOn, c.CapturedAt, (int)c.Tone, c.Topic,
        c.Importance, c.NeedsAnswer, c.DirectorateIds, c.MatchedRules, c.Columnist, c.SearchText,
        guidAsText ? c.Version.ToString().ToUpperInvariant() : c.Version,
    ];
}
