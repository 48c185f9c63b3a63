using System;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Press : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PressClippings_SourceId_TitleKey",
                table: "PressClippings");

            migrationBuilder.DropIndex(
                name: "IX_PressClippings_Url",
                table: "PressClippings");

            migrationBuilder.AlterColumn<string>(
                name: "LastModified",
                table: "PressSources",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ETag",
                table: "PressSources",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveFailures",
                table: "PressSources",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastErrorAt",
                table: "PressSources",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastNewClippings",
                table: "PressSources",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastWarning",
                table: "PressSources",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextPollAt",
                table: "PressSources",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PollLeaseUntil",
                table: "PressSources",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Topic",
                table: "PressClippings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Page",
                table: "PressClippings",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Columnist",
                table: "PressClippings",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CapturedBy",
                table: "PressClippings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectorateIds",
                table: "PressClippings",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageUrl",
                table: "PressClippings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "PressClippings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Program",
                table: "PressClippings",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "PressClippings",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "PressClippings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "PressClippings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "PressClippings",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "PressClippings",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UrlHash",
                table: "PressClippings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Journalists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FullName = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Outlet = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journalists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressDigestDispatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Recipients = table.Column<int>(type: "int", nullable: false),
                    Clippings = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressDigestDispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressKeywordRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Terms = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ExcludeTerms = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DirectorateId = table.Column<int>(type: "int", nullable: true),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressKeywordRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PressKeywordRules_Directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "Directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PressReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RecipientIds = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SentCount = table.Column<int>(type: "int", nullable: false),
                    SendError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressScans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClippingId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PressScans_PressClippings_ClippingId",
                        column: x => x.ClippingId,
                        principalTable: "PressClippings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_CapturedAt",
                table: "PressClippings",
                column: "CapturedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_PublishedOn_Tone",
                table: "PressClippings",
                columns: new[] { "PublishedOn", "Tone" });

            // Older databases may hold one source's same title twice: made distinct before the dedupe index.
            migrationBuilder.Sql(PressSearch.DisambiguateTitlesSql(DatabaseProvider.SqlServer));

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_SourceId_TitleKey",
                table: "PressClippings",
                columns: new[] { "SourceId", "TitleKey" },
                unique: true,
                filter: "[SourceId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_UrlHash",
                table: "PressClippings",
                column: "UrlHash",
                unique: true,
                filter: "[UrlHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PressDigestDispatches_Day",
                table: "PressDigestDispatches",
                column: "Day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressKeywordRules_DirectorateId",
                table: "PressKeywordRules",
                column: "DirectorateId");

            migrationBuilder.CreateIndex(
                name: "IX_PressKeywordRules_Name",
                table: "PressKeywordRules",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressReleases_Status_PublishAt",
                table: "PressReleases",
                columns: new[] { "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PressScans_ClippingId",
                table: "PressScans",
                column: "ClippingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Journalists");

            migrationBuilder.DropTable(
                name: "PressDigestDispatches");

            migrationBuilder.DropTable(
                name: "PressKeywordRules");

            migrationBuilder.DropTable(
                name: "PressReleases");

            migrationBuilder.DropTable(
                name: "PressScans");

            migrationBuilder.DropIndex(
                name: "IX_PressClippings_CapturedAt",
                table: "PressClippings");

            migrationBuilder.DropIndex(
                name: "IX_PressClippings_PublishedOn_Tone",
                table: "PressClippings");

            migrationBuilder.DropIndex(
                name: "IX_PressClippings_SourceId_TitleKey",
                table: "PressClippings");

            migrationBuilder.DropIndex(
                name: "IX_PressClippings_UrlHash",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "ConsecutiveFailures",
                table: "PressSources");

            migrationBuilder.DropColumn(
                name: "LastErrorAt",
                table: "PressSources");

            migrationBuilder.DropColumn(
                name: "LastNewClippings",
                table: "PressSources");

            migrationBuilder.DropColumn(
                name: "LastWarning",
                table: "PressSources");

            migrationBuilder.DropColumn(
                name: "NextPollAt",
                table: "PressSources");

            migrationBuilder.DropColumn(
                name: "PollLeaseUntil",
                table: "PressSources");

            migrationBuilder.DropColumn(
                name: "CapturedBy",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "DirectorateIds",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "ImageUrl",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "Program",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "PressClippings");

            migrationBuilder.DropColumn(
                name: "UrlHash",
                table: "PressClippings");

            migrationBuilder.AlterColumn<string>(
                name: "LastModified",
                table: "PressSources",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ETag",
                table: "PressSources",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Topic",
                table: "PressClippings",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Page",
                table: "PressClippings",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Columnist",
                table: "PressClippings",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(160)",
                oldMaxLength: 160,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_SourceId_TitleKey",
                table: "PressClippings",
                columns: new[] { "SourceId", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_Url",
                table: "PressClippings",
                column: "Url");
        }
    }
}
