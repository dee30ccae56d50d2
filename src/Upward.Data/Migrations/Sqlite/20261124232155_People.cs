using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class People : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ApplicationsCloseAtUtc",
                table: "Programmes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Grade",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorMentoring",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffGroup",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawalChoice",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "Enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearsInRole",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    TextVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Given = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentDecisions_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StaffGroup = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    YearsInRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PriorMentoring = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationships_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationships_Enrolments_MentorEnrolmentId",
                        column: x => x.MentorEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Relationships_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProgrammeId_Status",
                table: "Applications",
                columns: new[] { "ProgrammeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisions_EnrolmentId_Purpose_DecidedAtUtc",
                table: "ConsentDecisions",
                columns: new[] { "EnrolmentId", "Purpose", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ProgrammeId_Email_Role",
                table: "Invitations",
                columns: new[] { "ProgrammeId", "Email", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_MenteeEnrolmentId",
                table: "Relationships",
                column: "MenteeEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_MentorEnrolmentId",
                table: "Relationships",
                column: "MentorEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ProgrammeId_MentorEnrolmentId_MenteeEnrolmentId_Kind",
                table: "Relationships",
                columns: new[] { "ProgrammeId", "MentorEnrolmentId", "MenteeEnrolmentId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "ConsentDecisions");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "Relationships");

            migrationBuilder.DropColumn(
                name: "ApplicationsCloseAtUtc",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "Grade",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "PriorMentoring",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "StaffGroup",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "WithdrawalChoice",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "YearsInRole",
                table: "Enrolments");
        }
    }
}
