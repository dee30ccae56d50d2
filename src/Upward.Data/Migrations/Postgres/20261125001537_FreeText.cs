using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FreeText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerRedactions",
                columns: table => new
                {
                    AnswerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RedactedText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OriginalKeptForCoordinator = table.Column<bool>(type: "boolean", nullable: false),
                    RedactedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RedactedByEnrolmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerRedactions", x => x.AnswerId);
                    table.ForeignKey(
                        name: "FK_AnswerRedactions_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnswerRedactions_Enrolments_RedactedByEnrolmentId",
                        column: x => x.RedactedByEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerRedactions_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CodingsFinished",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnswerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoderEnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingsFinished", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingsFinished_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodingsFinished_Enrolments_CoderEnrolmentId",
                        column: x => x.CoderEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CodingsFinished_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Themes_Themes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Codings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnswerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoderEnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PassageStart = table.Column<int>(type: "integer", nullable: true),
                    PassageLength = table.Column<int>(type: "integer", nullable: true),
                    CodedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Codings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Codings_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Codings_Enrolments_CoderEnrolmentId",
                        column: x => x.CoderEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Codings_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Codings_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeQuotes",
                columns: table => new
                {
                    ThemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnswerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepresentativeQuotes", x => x.ThemeId);
                    table.ForeignKey(
                        name: "FK_RepresentativeQuotes_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RepresentativeQuotes_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepresentativeQuotes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerRedactions_ProgrammeId",
                table: "AnswerRedactions",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerRedactions_RedactedByEnrolmentId",
                table: "AnswerRedactions",
                column: "RedactedByEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Codings_AnswerId_CoderEnrolmentId",
                table: "Codings",
                columns: new[] { "AnswerId", "CoderEnrolmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Codings_CoderEnrolmentId",
                table: "Codings",
                column: "CoderEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Codings_ProgrammeId",
                table: "Codings",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Codings_ThemeId",
                table: "Codings",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_CodingsFinished_AnswerId_CoderEnrolmentId",
                table: "CodingsFinished",
                columns: new[] { "AnswerId", "CoderEnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CodingsFinished_CoderEnrolmentId",
                table: "CodingsFinished",
                column: "CoderEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CodingsFinished_ProgrammeId",
                table: "CodingsFinished",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeQuotes_AnswerId",
                table: "RepresentativeQuotes",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeQuotes_ProgrammeId",
                table: "RepresentativeQuotes",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_ParentId",
                table: "Themes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_ProgrammeId_Name",
                table: "Themes",
                columns: new[] { "ProgrammeId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerRedactions");

            migrationBuilder.DropTable(
                name: "Codings");

            migrationBuilder.DropTable(
                name: "CodingsFinished");

            migrationBuilder.DropTable(
                name: "RepresentativeQuotes");

            migrationBuilder.DropTable(
                name: "Themes");
        }
    }
}
