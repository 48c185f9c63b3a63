using System;
using Intranet.Core.Data;
using Intranet.Core.Press;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.Sqlite.Migrations
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

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveFailures",
                table: "PressSources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastErrorAt",
                table: "PressSources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastNewClippings",
                table: "PressSources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastWarning",
                table: "PressSources",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextPollAt",
                table: "PressSources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PollLeaseUntil",
                table: "PressSources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CapturedBy",
                table: "PressClippings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectorateIds",
                table: "PressClippings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageUrl",
                table: "PressClippings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "PressClippings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Program",
                table: "PressClippings",
                type: "TEXT",
                maxLength: 160,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "PressClippings",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "PressClippings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "PressClippings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "PressClippings",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "PressClippings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UrlHash",
                table: "PressClippings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Journalists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journalists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressDigestDispatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Clippings = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressDigestDispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressKeywordRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExcludeTerms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DirectorateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecipientIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SendError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressScans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClippingId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
            migrationBuilder.Sql(PressSearch.DisambiguateTitlesSql(DatabaseProvider.Sqlite));

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_SourceId_TitleKey",
                table: "PressClippings",
                columns: new[] { "SourceId", "TitleKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressClippings_UrlHash",
                table: "PressClippings",
                column: "UrlHash",
                unique: true);

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

            // Full-text search: not part of the EF model, so written here by hand.
            migrationBuilder.Sql(PressSearch.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PressSearch.SqliteDown);

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
