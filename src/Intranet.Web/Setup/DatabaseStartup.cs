using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Setup;

/// <summary>Start-up work on the database: migrations, the demo municipality, and the bulk seed for benchmarks.</summary>
public static class DatabaseStartup
{
    /// <summary>Applies pending migrations (Database:MigrateOnStartup) and seeds an empty database (Database:SeedDemoData).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        if (!config.GetValue("Database:MigrateOnStartup", true)) return;
        await using var db = CreateSystemContext(app.Services);
        await db.Database.MigrateAsync();
        await RequestStatisticsCells.EnsureAsync(db);
        await HolidayReferenceData.EnsureAsync(db);
        if (config.GetValue("Database:SeedDemoData", false))
        {
            var count = config.GetValue("Database:DemoRequestCount", 3000);
            await DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = count }, CancellationToken.None);
        }
    }

    /// <summary>
    /// <c>--seed-requests N</c>: migrate, seed the demo municipality if empty, append N requests, and exit
    /// (for benchmarks: <c>dotnet run --project src/Intranet.Web -- --seed-requests 1000000</c>).
    /// </summary>
    public static async Task<bool> RunCommandLineToolsAsync(this WebApplication app)
    {
        var value = app.Configuration["seed-requests"];
        if (value is null) return false;
        if (!int.TryParse(value, out var count) || count < 1)
            throw new ArgumentException("--seed-requests bir pozitif sayı bekler, örneğin --seed-requests 1000000.");
        await using var db = CreateSystemContext(app.Services);
        await db.Database.MigrateAsync();
        await DemoSeeder.SeedAsync(db, new DemoSeedOptions { RequestCount = 0 }, CancellationToken.None);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await DemoSeeder.SeedRequestsAsync(db, count, nowUtc: db.Clock.UtcNow(), ct: CancellationToken.None);
        Console.WriteLine($"{count:N0} başvuru eklendi ({started.Elapsed.TotalSeconds:N0} sn).");
        return true;
    }

    private static IntranetDbContext CreateSystemContext(IServiceProvider services)
    {
        var options = services.CreateScope().ServiceProvider.GetRequiredService<DbContextOptions<IntranetDbContext>>();
        return new IntranetDbContext(options, new FixedCurrentUser(UserContext.System), services.GetRequiredService<TimeProvider>());
    }
}
