using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestsBulk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CimerType",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfId",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IdentityConfidential",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyLine",
                table: "Categories",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopWarning",
                table: "Categories",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HelpText = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoryQuestions_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    RefusalArticles = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RefusalText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExcludedOpinionRequest = table.Column<bool>(type: "INTEGER", nullable: false),
                    ObjectionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BoardDecisionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BoardOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    BoardNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalRecords_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestAnswers_CategoryQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "CategoryQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequestAnswers_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_DirectorateId_AssigneeId_Status",
                table: "Requests",
                columns: new[] { "DirectorateId", "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_DuplicateOfId",
                table: "Requests",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryQuestions_CategoryId_Order",
                table: "CategoryQuestions",
                columns: new[] { "CategoryId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalRecords_RequestId",
                table: "LegalRecords",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestAnswers_QuestionId",
                table: "RequestAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestAnswers_RequestId",
                table: "RequestAnswers",
                column: "RequestId");

            migrationBuilder.AddForeignKey(
                name: "FK_Requests_Requests_DuplicateOfId",
                table: "Requests",
                column: "DuplicateOfId",
                principalTable: "Requests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Requests_Requests_DuplicateOfId",
                table: "Requests");

            migrationBuilder.DropTable(
                name: "LegalRecords");

            migrationBuilder.DropTable(
                name: "RequestAnswers");

            migrationBuilder.DropTable(
                name: "CategoryQuestions");

            migrationBuilder.DropIndex(
                name: "IX_Requests_DirectorateId_AssigneeId_Status",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_DuplicateOfId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "CimerType",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "IdentityConfidential",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EmergencyLine",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "StopWarning",
                table: "Categories");
        }
    }
}
