using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intranet.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Muhtar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MuhtarEmail",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "MuhtarName",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "MuhtarPhone",
                table: "Neighbourhoods");

            migrationBuilder.AddColumn<int>(
                name: "MuhtarId",
                table: "Requests",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LetterTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Muhtar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NeighbourhoodId = table.Column<int>(type: "int", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OfficeAddress = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Muhtar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Muhtar_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MuhtarVisit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    MayorAttends = table.Column<bool>(type: "bit", nullable: false),
                    Minutes = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    CalendarEventId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MuhtarVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MuhtarVisit_CalendarEvents_CalendarEventId",
                        column: x => x.CalendarEventId,
                        principalTable: "CalendarEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SisterCities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Country = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    IsAbroad = table.Column<bool>(type: "bit", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SisterCities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MuhtarContact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MuhtarId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MuhtarContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MuhtarContact_Muhtar_MuhtarId",
                        column: x => x.MuhtarId,
                        principalTable: "Muhtar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MuhtarMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MuhtarId = table.Column<int>(type: "int", nullable: false),
                    Seat = table.Column<int>(type: "int", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MuhtarMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MuhtarMember_Muhtar_MuhtarId",
                        column: x => x.MuhtarId,
                        principalTable: "Muhtar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisterEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Direction = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PartyKind = table.Column<int>(type: "int", nullable: false),
                    PartyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PartyAddress = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    MuhtarId = table.Column<int>(type: "int", nullable: true),
                    ExternalNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LetterKind = table.Column<int>(type: "int", nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    TemplateId = table.Column<int>(type: "int", nullable: true),
                    SearchKey = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: false),
                    DirectorateId = table.Column<int>(type: "int", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RoutedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RequestId = table.Column<int>(type: "int", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletionNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterEntries_Directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "Directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegisterEntries_LetterTemplate_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "LetterTemplate",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegisterEntries_Muhtar_MuhtarId",
                        column: x => x.MuhtarId,
                        principalTable: "Muhtar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegisterEntries_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Announcement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    BySms = table.Column<bool>(type: "bit", nullable: false),
                    ByEmail = table.Column<bool>(type: "bit", nullable: false),
                    VisitId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcement_MuhtarVisit_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MuhtarVisit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VisitAttendee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VisitId = table.Column<int>(type: "int", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: true),
                    MuhtarId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAttendee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAttendee_MuhtarVisit_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MuhtarVisit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitAttendee_Muhtar_MuhtarId",
                        column: x => x.MuhtarId,
                        principalTable: "Muhtar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VisitFollowUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VisitId = table.Column<int>(type: "int", nullable: false),
                    DirectorateId = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false),
                    Report = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReportedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitFollowUp_Directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "Directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitFollowUp_MuhtarVisit_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MuhtarVisit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitNeighbourhood",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VisitId = table.Column<int>(type: "int", nullable: false),
                    NeighbourhoodId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitNeighbourhood", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitNeighbourhood_MuhtarVisit_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MuhtarVisit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitNeighbourhood_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VisitId = table.Column<int>(type: "int", nullable: false),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    Priority = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitRequest_MuhtarVisit_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MuhtarVisit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitRequest_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SisterCityActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SisterCityId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SisterCityActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SisterCityActivities_SisterCities_SisterCityId",
                        column: x => x.SisterCityId,
                        principalTable: "SisterCities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisterAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterAttachment_RegisterEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "RegisterEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SisterCitySteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SisterCityId = table.Column<int>(type: "int", nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RegisterEntryId = table.Column<int>(type: "int", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SisterCitySteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SisterCitySteps_RegisterEntries_RegisterEntryId",
                        column: x => x.RegisterEntryId,
                        principalTable: "RegisterEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SisterCitySteps_SisterCities_SisterCityId",
                        column: x => x.SisterCityId,
                        principalTable: "SisterCities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageDelivery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AnnouncementId = table.Column<int>(type: "int", nullable: false),
                    MuhtarId = table.Column<int>(type: "int", nullable: false),
                    NeighbourhoodId = table.Column<int>(type: "int", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageDelivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageDelivery_Announcement_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MessageDelivery_Muhtar_MuhtarId",
                        column: x => x.MuhtarId,
                        principalTable: "Muhtar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_MuhtarId",
                table: "Requests",
                column: "MuhtarId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcement_CreatedAt",
                table: "Announcement",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Announcement_Key",
                table: "Announcement",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Announcement_VisitId",
                table: "Announcement",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterTemplate_Name",
                table: "LetterTemplate",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageDelivery_AnnouncementId_MuhtarId_Channel",
                table: "MessageDelivery",
                columns: new[] { "AnnouncementId", "MuhtarId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageDelivery_MuhtarId",
                table: "MessageDelivery",
                column: "MuhtarId");

            migrationBuilder.CreateIndex(
                name: "IX_Muhtar_NeighbourhoodId_TermStart",
                table: "Muhtar",
                columns: new[] { "NeighbourhoodId", "TermStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MuhtarContact_MuhtarId_At",
                table: "MuhtarContact",
                columns: new[] { "MuhtarId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MuhtarMember_MuhtarId_Seat",
                table: "MuhtarMember",
                columns: new[] { "MuhtarId", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MuhtarVisit_CalendarEventId",
                table: "MuhtarVisit",
                column: "CalendarEventId");

            migrationBuilder.CreateIndex(
                name: "IX_MuhtarVisit_StartsAt",
                table: "MuhtarVisit",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterAttachment_EntryId",
                table: "RegisterAttachment",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_Direction_Year_Sequence",
                table: "RegisterEntries",
                columns: new[] { "Direction", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_DirectorateId_CompletedAt",
                table: "RegisterEntries",
                columns: new[] { "DirectorateId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_MuhtarId",
                table: "RegisterEntries",
                column: "MuhtarId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_Number",
                table: "RegisterEntries",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_RegisteredOn",
                table: "RegisterEntries",
                column: "RegisteredOn");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_RequestId",
                table: "RegisterEntries",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_TemplateId",
                table: "RegisterEntries",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_SisterCities_Country_City",
                table: "SisterCities",
                columns: new[] { "Country", "City" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SisterCityActivities_SisterCityId_Date",
                table: "SisterCityActivities",
                columns: new[] { "SisterCityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SisterCitySteps_RegisterEntryId",
                table: "SisterCitySteps",
                column: "RegisterEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_SisterCitySteps_SisterCityId_Step",
                table: "SisterCitySteps",
                columns: new[] { "SisterCityId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitAttendee_MuhtarId",
                table: "VisitAttendee",
                column: "MuhtarId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAttendee_VisitId",
                table: "VisitAttendee",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFollowUp_DirectorateId_ReportedAt",
                table: "VisitFollowUp",
                columns: new[] { "DirectorateId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitFollowUp_VisitId_DirectorateId",
                table: "VisitFollowUp",
                columns: new[] { "VisitId", "DirectorateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitNeighbourhood_NeighbourhoodId",
                table: "VisitNeighbourhood",
                column: "NeighbourhoodId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitNeighbourhood_VisitId_NeighbourhoodId",
                table: "VisitNeighbourhood",
                columns: new[] { "VisitId", "NeighbourhoodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequest_RequestId",
                table: "VisitRequest",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequest_VisitId",
                table: "VisitRequest",
                column: "VisitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Requests_Muhtar_MuhtarId",
                table: "Requests",
                column: "MuhtarId",
                principalTable: "Muhtar",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Requests_Muhtar_MuhtarId",
                table: "Requests");

            migrationBuilder.DropTable(
                name: "MessageDelivery");

            migrationBuilder.DropTable(
                name: "MuhtarContact");

            migrationBuilder.DropTable(
                name: "MuhtarMember");

            migrationBuilder.DropTable(
                name: "RegisterAttachment");

            migrationBuilder.DropTable(
                name: "SisterCityActivities");

            migrationBuilder.DropTable(
                name: "SisterCitySteps");

            migrationBuilder.DropTable(
                name: "VisitAttendee");

            migrationBuilder.DropTable(
                name: "VisitFollowUp");

            migrationBuilder.DropTable(
                name: "VisitNeighbourhood");

            migrationBuilder.DropTable(
                name: "VisitRequest");

            migrationBuilder.DropTable(
                name: "Announcement");

            migrationBuilder.DropTable(
                name: "RegisterEntries");

            migrationBuilder.DropTable(
                name: "SisterCities");

            migrationBuilder.DropTable(
                name: "MuhtarVisit");

            migrationBuilder.DropTable(
                name: "LetterTemplate");

            migrationBuilder.DropTable(
                name: "Muhtar");

            migrationBuilder.DropIndex(
                name: "IX_Requests_MuhtarId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "MuhtarId",
                table: "Requests");

            migrationBuilder.AddColumn<string>(
                name: "MuhtarEmail",
                table: "Neighbourhoods",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MuhtarName",
                table: "Neighbourhoods",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MuhtarPhone",
                table: "Neighbourhoods",
                type: "nvarchar(max)",
                nullable: true);
        }
    }
}
