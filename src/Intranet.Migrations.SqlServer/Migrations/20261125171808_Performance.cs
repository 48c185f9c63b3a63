using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Performance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Objective",
                table: "PerformanceIndicators");

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "PerformanceIndicators",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "PerformanceIndicators",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "DataSource",
                table: "PerformanceIndicators",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Aggregation",
                table: "PerformanceIndicators",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ComputeForMunicipality",
                table: "PerformanceIndicators",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Computed",
                table: "PerformanceIndicators",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Formula",
                table: "PerformanceIndicators",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ObjectiveId",
                table: "PerformanceIndicators",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PeriodType",
                table: "PerformanceIndicators",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Weight",
                table: "PerformanceIndicators",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "BandHigh",
                table: "IndicatorTargets",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BandLow",
                table: "IndicatorTargets",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "IndicatorTargets",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AlterColumn<double>(
                name: "Value",
                table: "IndicatorActuals",
                type: "float",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "float");

            migrationBuilder.AlterColumn<string>(
                name: "ApprovedBy",
                table: "IndicatorActuals",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredAt",
                table: "IndicatorActuals",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "IndicatorActuals",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorActualLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActualId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorActualLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorActualLogs_IndicatorActuals_ActualId",
                        column: x => x.ActualId,
                        principalTable: "IndicatorActuals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActualId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorEvidence_IndicatorActuals_ActualId",
                        column: x => x.ActualId,
                        principalTable: "IndicatorActuals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategicPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StartYear = table.Column<int>(type: "int", nullable: false),
                    EndYear = table.Column<int>(type: "int", nullable: false),
                    GreenFrom = table.Column<double>(type: "float", nullable: false),
                    AmberFrom = table.Column<double>(type: "float", nullable: false),
                    ExplanationThreshold = table.Column<double>(type: "float", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategicPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StrategicGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Weight = table.Column<double>(type: "float", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategicGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategicGoals_StrategicPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "StrategicPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategicObjectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GoalId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Weight = table.Column<double>(type: "float", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategicObjectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategicObjectives_StrategicGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "StrategicGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceIndicators_ObjectiveId",
                table: "PerformanceIndicators",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorActualLogs_ActualId_At",
                table: "IndicatorActualLogs",
                columns: new[] { "ActualId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorEvidence_ActualId",
                table: "IndicatorEvidence",
                column: "ActualId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategicGoals_PlanId_Code",
                table: "StrategicGoals",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategicObjectives_GoalId_Code",
                table: "StrategicObjectives",
                columns: new[] { "GoalId", "Code" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PerformanceIndicators_StrategicObjectives_ObjectiveId",
                table: "PerformanceIndicators",
                column: "ObjectiveId",
                principalTable: "StrategicObjectives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PerformanceIndicators_StrategicObjectives_ObjectiveId",
                table: "PerformanceIndicators");

            migrationBuilder.DropTable(
                name: "IndicatorActualLogs");

            migrationBuilder.DropTable(
                name: "IndicatorEvidence");

            migrationBuilder.DropTable(
                name: "StrategicObjectives");

            migrationBuilder.DropTable(
                name: "StrategicGoals");

            migrationBuilder.DropTable(
                name: "StrategicPlans");

            migrationBuilder.DropIndex(
                name: "IX_PerformanceIndicators_ObjectiveId",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "Aggregation",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "ComputeForMunicipality",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "Computed",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "Formula",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "ObjectiveId",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "PeriodType",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "PerformanceIndicators");

            migrationBuilder.DropColumn(
                name: "BandHigh",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "BandLow",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "EnteredAt",
                table: "IndicatorActuals");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "IndicatorActuals");

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "PerformanceIndicators",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "PerformanceIndicators",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "DataSource",
                table: "PerformanceIndicators",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Objective",
                table: "PerformanceIndicators",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Value",
                table: "IndicatorActuals",
                type: "float",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "float",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApprovedBy",
                table: "IndicatorActuals",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(160)",
                oldMaxLength: 160,
                oldNullable: true);
        }
    }
}
