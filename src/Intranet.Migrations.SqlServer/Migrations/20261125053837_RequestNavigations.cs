using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequestNavigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
