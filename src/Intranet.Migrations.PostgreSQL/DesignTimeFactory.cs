using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Intranet.Migrations.PostgreSQL;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntranetDbContext>
{
    public IntranetDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IntranetDbContext>();
        options.UseProvider(DatabaseProvider.PostgreSQL, Environment.GetEnvironmentVariable("INTRANET_DESIGN_CONNECTION") ?? DesignConnection);
        return new IntranetDbContext(options.Options, new FixedCurrentUser(UserContext.System), TimeProvider.System);
    }

    private const string DesignConnection = "Host=127.0.0.1;Database=intranet;Username=postgres";
}
