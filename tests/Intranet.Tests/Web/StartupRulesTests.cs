using Intranet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Intranet.Tests.Web;

public class StartupRulesTests
{
    private sealed class ProductionWithoutEntra : IntranetWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public void Production_without_entra_id_refuses_to_start_with_a_clear_message()
    {
        using var factory = new ProductionWithoutEntra();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error is InvalidOperationException ? error.Message : error.InnerException?.Message ?? error.Message;
        Assert.Contains("AzureAd:ClientId", message);
    }

    private sealed class UnhealthyDatabase : IntranetWebFactory
    {
        public UnhealthyDatabase()
        {
            Settings["Database:MigrateOnStartup"] = "false";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // An existing folder but no database file, opened read-only: every query fails.
            builder.UseSetting("ConnectionStrings:Intranet", $"Data Source={Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.db")};Mode=ReadOnly");
        }
    }

    [Fact]
    public async Task Healthz_reports_a_database_it_cannot_reach()
    {
        using var factory = new UnhealthyDatabase();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
