using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_Statistics_Category",
                table: "Requests",
                columns: new[] { "CategoryId", "CreatedOn", "Status", "DueAt", "ResolutionMinutes", "ResolvedInTime", "NeighbourhoodId", "DirectorateId", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Statistics_Channel",
                table: "Requests",
                columns: new[] { "Channel", "CreatedOn", "Status", "DueAt", "ResolutionMinutes", "ResolvedInTime", "NeighbourhoodId", "CategoryId", "DirectorateId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Statistics_Category",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Statistics_Channel",
                table: "Requests");
        }
    }
}
