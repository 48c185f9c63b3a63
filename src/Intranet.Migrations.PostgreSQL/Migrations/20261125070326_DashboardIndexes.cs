using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_ClosedAt",
                table: "Requests",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Dashboard_Created",
                table: "Requests",
                columns: new[] { "CreatedOn", "CategoryId", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Dashboard_DirectorateCreated",
                table: "Requests",
                columns: new[] { "DirectorateId", "CreatedOn", "CategoryId", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Dashboard_DirectorateResolved",
                table: "Requests",
                columns: new[] { "DirectorateId", "ResolvedAt", "ResolutionMinutes", "ResolvedInTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Dashboard_Open",
                table: "Requests",
                columns: new[] { "Status", "DirectorateId", "NeighbourhoodId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Dashboard_Resolved",
                table: "Requests",
                columns: new[] { "ResolvedAt", "DirectorateId", "ResolutionMinutes", "ResolvedInTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_DirectorateId_ClosedAt",
                table: "Requests",
                columns: new[] { "DirectorateId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_ClosedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Dashboard_Created",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Dashboard_DirectorateCreated",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Dashboard_DirectorateResolved",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Dashboard_Open",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Dashboard_Resolved",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_DirectorateId_ClosedAt",
                table: "Requests");
        }
    }
}
