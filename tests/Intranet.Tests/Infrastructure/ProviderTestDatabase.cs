using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// A migrated database of its own on a real server or file, one connection per context, so two contexts can write at
/// the same moment (the in-memory <see cref="SqliteTestDatabase"/> shares one connection): a fresh database on the
/// test run's PostgreSQL, or a SQLite file in the temp folder. Dropped or deleted on dispose.
/// </summary>
public sealed class ProviderTestDatabase : IDisposable
{
    private readonly string? _postgresServer;
    private readonly string? _file;
    private readonly string _name;

    private ProviderTestDatabase(DatabaseProvider provider, string connection, string name, string? postgresServer, string? file)
    {
        (Provider, _name, _postgresServer, _file) = (provider, name, postgresServer, file);
        Options = (DbContextOptions<IntranetDbContext>)new DbContextOptionsBuilder<IntranetDbContext>().UseProvider(provider, connection).Options;
        using var db = Create(UserContext.System);
        db.Database.Migrate();
    }

    public DatabaseProvider Provider { get; }
    public DbContextOptions<IntranetDbContext> Options { get; }

    public static ProviderTestDatabase Postgres()
    {
        var server = TestEnvironment.PostgresConnection
            ?? throw new InvalidOperationException($"CI=true but {TestEnvironment.PostgresVariable} is not set: PostgreSQL was not started.");
        var name = $"intranet_test_{Guid.NewGuid():N}";
        return new ProviderTestDatabase(DatabaseProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name, server, null);
    }

    public static ProviderTestDatabase SqliteFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"intranet-test-{Guid.NewGuid():N}.db");
        // A writer waits up to 30 s for another's lock instead of failing at once, as the app's connections do.
        return new ProviderTestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30;Pooling=false", file, null, file);
    }

    /// <summary>The clock that stamps audit rows and that a demo seed on this database reads; worlds set their test clock.</summary>
    public TimeProvider Clock { get; set; } = new TestClock(TestClock.SuiteStart);

    public IntranetDbContext Create(UserContext user) => new(Options, new FixedCurrentUser(user), Clock);

    public IDbContextFactory<IntranetDbContext> Factory(UserContext user) => new ContextFactory(this, user);

    public void Dispose()
    {
        if (_file is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_postgresServer);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    private sealed class ContextFactory(ProviderTestDatabase database, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => database.Create(user);
    }
}
