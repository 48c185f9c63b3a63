using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Intranet.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SqlServer without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntranetDbContext>
{
    public IntranetDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IntranetDbContext>();
        options.UseProvider(DatabaseProvider.SqlServer, Environment.GetEnvironmentVariable("INTRANET_DESIGN_CONNECTION") ?? DesignConnection);
        return new IntranetDbContext(options.Options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
    }

    private const string DesignConnection = "Server=localhost;Database=Intranet;Trusted_Connection=True;TrustServerCertificate=True";
}
