using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Intranet.Tests.Data;

public class ProviderMigrationTests
{
    [PostgresFact]
    public async Task Every_postgresql_migration_applies_to_a_live_server_and_the_model_works_there()
    {
        var server = TestEnvironment.PostgresConnection
            ?? throw new InvalidOperationException($"CI=true but {TestEnvironment.PostgresVariable} is not set: PostgreSQL was not started.");
        var database = $"intranet_migrate_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var options = new DbContextOptionsBuilder<IntranetDbContext>().UseProvider(DatabaseProvider.PostgreSQL, connection);
        try
        {
            await using (var db = new IntranetDbContext((DbContextOptions<IntranetDbContext>)options.Options, new FixedCurrentUser(UserContext.System), TimeProvider.System))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

                // A round trip through the concurrency token and the audit log on the real provider.
                db.Directorates.Add(new Directorate { Name = "Temizlik İşleri Müdürlüğü", Code = "TEM" });
                await db.SaveChangesAsync();
            }
            await using (var first = new IntranetDbContext((DbContextOptions<IntranetDbContext>)options.Options, new FixedCurrentUser(UserContext.System), TimeProvider.System))
            await using (var second = new IntranetDbContext((DbContextOptions<IntranetDbContext>)options.Options, new FixedCurrentUser(UserContext.System), TimeProvider.System))
            {
                var a = await first.Directorates.SingleAsync();
                var b = await second.Directorates.SingleAsync();
                Assert.Equal(DateTimeKind.Utc, (await first.AuditEntries.SingleAsync()).At.Kind);
                a.Email = "tem@belediye.bel.tr";
                await first.SaveChangesAsync();
                b.Email = "baska@belediye.bel.tr";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void The_sql_server_idempotent_script_creates_every_table_of_the_model()
    {
        // SQL Server cannot run here; the script EF Core would run against it is generated and checked instead.
        var options = new DbContextOptionsBuilder<IntranetDbContext>()
            .UseProvider(DatabaseProvider.SqlServer, "Server=unused;Database=Intranet;TrustServerCertificate=True");
        using var db = new IntranetDbContext((DbContextOptions<IntranetDbContext>)options.Options, new FixedCurrentUser(UserContext.System), TimeProvider.System);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().ToList();
        Assert.True(tables.Count >= 20, $"only {tables.Count} tables in the model");
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script));
        // Idempotent: every migration is guarded by a look-up in the history table, so the script can run twice.
        Assert.All(db.Database.GetMigrations(), id =>
            Assert.Contains($"SELECT * FROM [__EFMigrationsHistory]\n    WHERE [MigrationId] = N'{id}'", script.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.Create(UserContext.System);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a new SQLite migration: run scripts/add-migration.sh.");
    }
}
