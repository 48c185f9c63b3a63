using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Intranet.Core.Data;

/// <summary>
/// SQLite used as a server's database (many circuits, background jobs). Write-ahead logging lets readers go on
/// while one writer commits (the default rollback journal makes a dashboard's read wait for a save and the other way
/// round). A busy timeout lets SQLite itself wait for the write lock in short native sleeps: without one,
/// Microsoft.Data.Sqlite retries a busy statement after a 150 ms sleep, which under a burst of saves turns a 2 ms
/// queue into 150 ms steps.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    /// <summary>How long a statement waits for another connection's write lock before giving up.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    // journal_mode=WAL is stored in the file: set at the first open of a connection string in this process, not on
    // every pooled open (which then also skips parsing the string).
    private static readonly ConcurrentDictionary<string, byte> Opened = new();

    private static readonly string BusyTimeoutPragma = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    private SqliteConnectionSettings() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Pragmas(DbConnection connection)
    {
        var connectionString = connection.ConnectionString;
        return !Opened.ContainsKey(connectionString) && Opened.TryAdd(connectionString, 0) && WantsWal(connectionString)
            ? BusyTimeoutPragma + " PRAGMA journal_mode = WAL;"
            : BusyTimeoutPragma;
    }

    private static bool WantsWal(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode is SqliteOpenMode.ReadWrite or SqliteOpenMode.ReadWriteCreate
               && builder.DataSource is not (":memory:" or "")
               && !builder.DataSource.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase);
    }
}
