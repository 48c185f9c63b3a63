using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class EscalationAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Escalations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "Escalations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "Escalations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_CompletedAt_NextAttemptAt",
                table: "Escalations",
                columns: new[] { "CompletedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Escalations_CompletedAt_NextAttemptAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Escalations");
        }
    }
}
