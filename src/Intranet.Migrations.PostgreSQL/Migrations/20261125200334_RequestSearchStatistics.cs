using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.PostgreSQL.Migrations
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

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Requests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "lower(translate(\"Text\", 'İıŞşĞğÜüÖöÇçÎîÛûÂâ', 'iissgguuoocciiuuaa'))",
                stored: true);

            migrationBuilder.CreateTable(
                name: "RequestStatisticsCells",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Forwarded = table.Column<int>(type: "integer", nullable: false),
                    Histogram = table.Column<byte[]>(type: "bytea", nullable: false),
                    OpenDue = table.Column<byte[]>(type: "bytea", nullable: false)
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
                name: "IX_Requests_SearchText",
                table: "Requests",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                name: "IX_Requests_SearchText",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueAt_CreatedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Requests");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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
