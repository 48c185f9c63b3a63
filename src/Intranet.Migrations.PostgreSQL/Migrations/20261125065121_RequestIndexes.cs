using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class RequestIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_CreatedOn",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_NeighbourhoodId_CreatedOn",
                table: "Requests",
                columns: new[] { "NeighbourhoodId", "CreatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Statistics",
                table: "Requests",
                columns: new[] { "CreatedOn", "Status", "DueAt", "ResolutionMinutes", "ResolvedInTime", "NeighbourhoodId", "CategoryId", "DirectorateId", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_NeighbourhoodId_CreatedOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Statistics",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CreatedOn",
                table: "Requests",
                column: "CreatedOn");
        }
    }
}
