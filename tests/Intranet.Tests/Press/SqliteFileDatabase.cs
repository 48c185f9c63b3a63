using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.Data.Sqlite;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Press;

/// <summary>
/// A private SQLite file, migrated with the real SQLite migrations. Unlike the in-memory test database, every context
/// opens its own connection, so the poller's parallel polls and the concurrency tests run as they do in the app.
/// </summary>
public sealed class SqliteFileDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"intranet-press-{Guid.NewGuid():N}.db");

    public SqliteFileDatabase()
    {
        // The app's own SQLite set-up (write-ahead log, busy timeout), so concurrency runs as it does in the app.
        var builder = new DbContextOptionsBuilder<IntranetDbContext>();
        builder.UseProvider(DatabaseProvider.Sqlite, $"Data Source={_path}");
        Options = builder.Options;
        using var db = Create(UserContext.System);
        db.Database.Migrate();
    }

    public DbContextOptions<IntranetDbContext> Options { get; }

    /// <summary>The clock that stamps audit rows and that a demo seed on this database reads; worlds set their test clock.</summary>
    public TimeProvider Clock { get; set; } = new TestClock(TestClock.SuiteStart);

    public IntranetDbContext Create(UserContext user) => new(Options, new FixedCurrentUser(user), Clock);

    public IDbContextFactory<IntranetDbContext> Factory(UserContext user) => new ContextFactory(this, user);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { /* temp folder */ }
    }

    private sealed class ContextFactory(SqliteFileDatabase database, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => database.Create(user);
    }
}
