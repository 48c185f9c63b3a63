using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequestSearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_AssigneeId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_NeighbourhoodId_CreatedOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueAt",
                table: "Requests");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Requests",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "LOWER(TRANSLATE([Text], N'İıŞşĞğÜüÖöÇçÎîÛûÂâ', N'iissgguuoocciiuuaa'))",
                stored: false);

            migrationBuilder.CreateTable(
                name: "RequestStatisticsCells",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "int", nullable: false),
                    Dimension = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Key = table.Column<int>(type: "int", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Forwarded = table.Column<int>(type: "int", nullable: false),
                    Histogram = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    OpenDue = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestStatisticsCells", x => new { x.Scope, x.Dimension, x.Month, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AssigneeId_Status_CreatedAt",
                table: "Requests",
                columns: new[] { "AssigneeId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CategoryId_CreatedAt",
                table: "Requests",
                columns: new[] { "CategoryId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_DirectorateId_CreatedAt",
                table: "Requests",
                columns: new[] { "DirectorateId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_NeighbourhoodId_CreatedAt",
                table: "Requests",
                columns: new[] { "NeighbourhoodId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueAt_CreatedAt",
                table: "Requests",
                columns: new[] { "Status", "DueAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestStatisticsCells");

            migrationBuilder.DropIndex(
                name: "IX_Requests_AssigneeId_Status_CreatedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_CategoryId_CreatedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_DirectorateId_CreatedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_NeighbourhoodId_CreatedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueAt_CreatedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AssigneeId",
                table: "Requests",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_NeighbourhoodId_CreatedOn",
                table: "Requests",
                columns: new[] { "NeighbourhoodId", "CreatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueAt",
                table: "Requests",
                columns: new[] { "Status", "DueAt" });
        }
    }
}
