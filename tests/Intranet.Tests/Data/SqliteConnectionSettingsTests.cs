using System.Data.Common;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Tests.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Intranet.Tests.Data;

/// <summary>The app's SQLite connections (through <see cref="DatabaseSetup.UseProvider"/>) are set up for many users at once.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly SqliteFileDatabase _database = new();

    [Fact]
    public async Task The_database_file_uses_write_ahead_logging_and_every_connection_waits_for_a_busy_writer()
    {
        await using var db = _database.Create(UserContext.System);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(SqliteConnectionSettings.BusyTimeoutMilliseconds.ToString(), await ScalarAsync(connection, "PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task A_save_made_while_another_connection_holds_the_write_lock_goes_through_once_that_one_commits()
    {
        await using var first = _database.Create(UserContext.System);
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Directorates.Add(new Directorate { Name = "Birinci Müdürlük", Code = "BIR" });
        await first.SaveChangesAsync();

        // The second save has to wait for the first transaction's lock; it must neither fail nor overwrite.
        var writing = new WriteStarted();
        var second = Task.Run(async () =>
        {
            var options = new DbContextOptionsBuilder<IntranetDbContext>(_database.Options).AddInterceptors(writing).Options;
            await using var db = new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
            db.Directorates.Add(new Directorate { Name = "İkinci Müdürlük", Code = "IKI" });
            await db.SaveChangesAsync();
        });
        // Once its transaction is starting it can only finish when the lock is free: with a busy timeout it waits, without
        // one it fails (SQLITE_BUSY), which the await below reports.
        await writing.Sent.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(second.IsCompleted, "the second save should wait for the first transaction's write lock");

        // Meanwhile a reader is not blocked by the writer (write-ahead log): it sees the committed state only.
        await using (var reader = _database.Create(UserContext.System))
            Assert.False(await reader.Directorates.AnyAsync(d => d.Code == "BIR"));

        await transaction.CommitAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(20));

        await using var check = _database.Create(UserContext.System);
        Assert.Equal(2, await check.Directorates.CountAsync(d => d.Code == "BIR" || d.Code == "IKI"));
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>Tells when a context starts its write: SQLite takes the write lock at the transaction's BEGIN IMMEDIATE.</summary>
    private sealed class WriteStarted : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Sent => _sent.Task;

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            _sent.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }

    public void Dispose() => _database.Dispose();
}
