using Intranet.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSQL,
}

/// <summary>
/// Chooses the provider from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:Intranet</c>) and points
/// EF Core at that provider's own migrations assembly.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=App_Data/intranet.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider '{name}' is not known. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    public static string MigrationsAssembly(DatabaseProvider provider) => $"Intranet.Migrations.{provider}";

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                .AddInterceptors(SqliteConnectionSettings.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSQL => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>
    /// Registers a scoped <see cref="IDbContextFactory{TContext}"/>: each unit of work in a circuit or request makes
    /// its own short-lived context, and the context sees the scope's <see cref="ICurrentUser"/> for the audit log.
    /// </summary>
    public static IServiceCollection AddIntranetDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString("Intranet");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"ConnectionStrings:Intranet is required for the {provider} provider.");
            connectionString = DefaultSqliteConnection;
        }
        if (provider == DatabaseProvider.Sqlite) EnsureSqliteFolder(connectionString);

        services.AddDbContextFactory<IntranetDbContext>(o => o.UseProvider(provider, connectionString), ServiceLifetime.Scoped);
        services.AddSingleton(new DatabaseInfo(provider));
        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory) Directory.CreateDirectory(folder);
    }
}

/// <summary>Which provider this process runs on; some queries choose a provider-specific path.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);
