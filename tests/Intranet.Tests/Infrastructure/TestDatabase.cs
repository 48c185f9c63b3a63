using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// A private SQLite database, migrated with the real SQLite migrations, that lives as long as the test: in memory on
/// one shared connection, or (<see cref="OnDisk"/>) in a temporary file where each context opens its own connection,
/// for tests that need truly concurrent writers. <see cref="Factory"/> hands out contexts that act as a given user,
/// as the app's scoped factory does.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly SqliteConnection? _connection;
    private readonly string? _file;

    public SqliteTestDatabase() : this(onDisk: false)
    {
    }

    private SqliteTestDatabase(bool onDisk)
    {
        var builder = new DbContextOptionsBuilder<IntranetDbContext>();
        var migrations = DatabaseSetup.MigrationsAssembly(DatabaseProvider.Sqlite);
        if (onDisk)
        {
            _file = Path.Combine(Path.GetTempPath(), $"intranet-test-{Guid.NewGuid():N}.db");
            builder.UseSqlite($"Data Source={_file};Pooling=False", o => o.MigrationsAssembly(migrations));
        }
        else
        {
            _connection = new SqliteConnection("Data Source=:memory:");
            _connection.Open();
            builder.UseSqlite(_connection, o => o.MigrationsAssembly(migrations));
        }
        Options = builder.Options;
        using var db = Create(UserContext.System);
        db.Database.Migrate();
    }

    /// <summary>A database in a temporary file: separate connections, so concurrent saves really race.</summary>
    public static SqliteTestDatabase OnDisk() => new(onDisk: true);

    public DbContextOptions<IntranetDbContext> Options { get; }

    /// <summary>The clock that stamps audit rows and that a demo seed on this database reads; worlds set their test clock.</summary>
    public TimeProvider Clock { get; set; } = new TestClock(TestClock.SuiteStart);

    public IntranetDbContext Create(UserContext user) => new(Options, new FixedCurrentUser(user), Clock);

    public IDbContextFactory<IntranetDbContext> Factory(UserContext user) => new Factory_(this, user);

    public void Dispose()
    {
        _connection?.Dispose();
        if (_file is not null)
            foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
                try { File.Delete(_file + suffix); } catch (IOException) { /* left in the temp folder */ }
    }

    private sealed class Factory_(SqliteTestDatabase database, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => database.Create(user);
    }
}
