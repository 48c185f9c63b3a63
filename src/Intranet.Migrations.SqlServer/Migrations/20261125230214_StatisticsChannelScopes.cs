using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsChannelScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The cells gain a scope per channel (RequestStatisticsCells.ChannelScope): emptied here, they are built
            // again from the requests at the next start (RequestStatisticsCells.EnsureAsync).
            migrationBuilder.Sql("DELETE FROM \"RequestStatisticsCells\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rebuilt at the next start, without the channel scopes.
            migrationBuilder.Sql("DELETE FROM \"RequestStatisticsCells\"");
        }
    }
}
