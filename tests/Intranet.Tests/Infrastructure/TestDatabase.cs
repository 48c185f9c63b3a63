using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// A private SQLite database in memory, migrated with the real SQLite migrations, that lives as long as the test.
/// <see cref="Factory"/> hands out contexts that act as a given user, as the app's scoped factory does.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteTestDatabase()
    {
        _connection.Open();
        Options = new DbContextOptionsBuilder<IntranetDbContext>()
            .UseSqlite(_connection, o => o.MigrationsAssembly(DatabaseSetup.MigrationsAssembly(DatabaseProvider.Sqlite)))
            .Options;
        using var db = Create(UserContext.System);
        db.Database.Migrate();
    }

    public DbContextOptions<IntranetDbContext> Options { get; }

    public IntranetDbContext Create(UserContext user) => new(Options, new FixedCurrentUser(user));

    public IDbContextFactory<IntranetDbContext> Factory(UserContext user) => new Factory_(this, user);

    public void Dispose() => _connection.Dispose();

    private sealed class Factory_(SqliteTestDatabase database, UserContext user) : IDbContextFactory<IntranetDbContext>
    {
        public IntranetDbContext CreateDbContext() => database.Create(user);
    }
}
