using System.Globalization;
using Intranet.Core.Requests;
using Intranet.EndToEnd.Infrastructure;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intranet.EndToEnd.Dashboard;

/// <summary>Two app instances, one database, one Redis: a change made through one shows on a dashboard served by the other.</summary>
public class TwoServerTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisBrowserFact]
    public async Task A_change_on_one_server_reaches_a_dashboard_on_the_other_through_redis()
    {
        var database = Path.Combine(Path.GetTempPath(), $"intranet-two-{Guid.NewGuid():N}.db");
        await using var serverA = new IntranetWebFactory(database);
        serverA.Settings["Realtime:Redis"] = redis.Configuration;
        serverA.StartOnLoopback();
        await using var serverB = new IntranetWebFactory(database);
        serverB.Settings["Realtime:Redis"] = redis.Configuration;
        serverB.Settings["Database:SeedDemoData"] = "false";
        var urlB = serverB.StartOnLoopback();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "tr-TR" })).NewPageAsync();
        await page.GotoAsync(urlB + "/hesap/giris");
        await page.GetByTestId("signin-demo-ozk-1").ClickAsync();
        await page.WaitForURLAsync(urlB + "/");
        await BrowserApp.WaitForCircuitAsync(page);
        var openCount = page.GetByTestId("summary-Açık başvuru");
        var before = int.Parse((await openCount.TextContentAsync())!.Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("tr-TR"));

        // The change happens on server A, as a background job there would make it.
        await using (var scope = serverA.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Intranet.Core.Data.IntranetDbContext>>().CreateDbContextAsync();
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var neighbourhood = await db.Neighbourhoods.OrderBy(n => n.Id).FirstAsync();
            await requests.CreateAsync(new IntakeForm
            {
                Channel = RequestChannel.Web, CitizenName = "Çiğdem Ilgın", Email = "cigdem@example.com",
                NeighbourhoodId = neighbourhood.Id, CategoryId = category.Id, Text = "Web formundan gelen başvuru: kaldırım taşları kırık.",
            });
        }

        await Assertions.Expect(openCount).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("tr-TR")), new() { Timeout = 2000 });
        foreach (var suffix in new[] { "", "-shm", "-wal" }) File.Delete(database + suffix);
    }
}
