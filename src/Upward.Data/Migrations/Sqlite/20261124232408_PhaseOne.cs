using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhaseOne : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnonymousContributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DomainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnonymousContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnonymousContributions_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnonymousContributions_ProgrammeDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "ProgrammeDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnonymousContributions_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnonymousContributors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnonymousContributors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnonymousContributors_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnonymousContributors_Enrolments_MentorEnrolmentId",
                        column: x => x.MentorEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnonymousContributors_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackBriefs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocatedMentorEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedToMentorAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedToMenteeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackBriefs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackBriefs_Enrolments_AllocatedMentorEnrolmentId",
                        column: x => x.AllocatedMentorEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackBriefs_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackBriefs_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DomainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupNotes_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupNotes_ProgrammeDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "ProgrammeDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupNotes_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorDeclines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorDeclines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorDeclines_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorDeclines_Enrolments_MentorEnrolmentId",
                        column: x => x.MentorEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorDeclines_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseOneSettings",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    MenteeMaySeeBrief = table.Column<bool>(type: "INTEGER", nullable: false),
                    MenteesMayDeclineMentors = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseOneSettings", x => x.ProgrammeId);
                    table.ForeignKey(
                        name: "FK_PhaseOneSettings_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervisions_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Supervisions_Enrolments_MentorEnrolmentId",
                        column: x => x.MentorEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Supervisions_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Willingness",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Willing = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrivateReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Willingness", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Willingness_Enrolments_MenteeEnrolmentId",
                        column: x => x.MenteeEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Willingness_Enrolments_MentorEnrolmentId",
                        column: x => x.MentorEnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Willingness_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackBriefSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BriefId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DomainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackBriefSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackBriefSections_FeedbackBriefs_BriefId",
                        column: x => x.BriefId,
                        principalTable: "FeedbackBriefs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackBriefSections_ProgrammeDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "ProgrammeDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContributions_DomainId",
                table: "AnonymousContributions",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContributions_MenteeEnrolmentId",
                table: "AnonymousContributions",
                column: "MenteeEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContributions_ProgrammeId",
                table: "AnonymousContributions",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContributors_MenteeEnrolmentId_MentorEnrolmentId",
                table: "AnonymousContributors",
                columns: new[] { "MenteeEnrolmentId", "MentorEnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContributors_MentorEnrolmentId",
                table: "AnonymousContributors",
                column: "MentorEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContributors_ProgrammeId",
                table: "AnonymousContributors",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackBriefs_AllocatedMentorEnrolmentId",
                table: "FeedbackBriefs",
                column: "AllocatedMentorEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackBriefs_MenteeEnrolmentId",
                table: "FeedbackBriefs",
                column: "MenteeEnrolmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackBriefs_ProgrammeId",
                table: "FeedbackBriefs",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackBriefSections_BriefId_DomainId",
                table: "FeedbackBriefSections",
                columns: new[] { "BriefId", "DomainId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackBriefSections_DomainId",
                table: "FeedbackBriefSections",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupNotes_DomainId",
                table: "GroupNotes",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupNotes_MenteeEnrolmentId_DomainId",
                table: "GroupNotes",
                columns: new[] { "MenteeEnrolmentId", "DomainId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupNotes_ProgrammeId",
                table: "GroupNotes",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorDeclines_MenteeEnrolmentId_MentorEnrolmentId",
                table: "MentorDeclines",
                columns: new[] { "MenteeEnrolmentId", "MentorEnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorDeclines_MentorEnrolmentId",
                table: "MentorDeclines",
                column: "MentorEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorDeclines_ProgrammeId",
                table: "MentorDeclines",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_MenteeEnrolmentId",
                table: "Supervisions",
                column: "MenteeEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_MentorEnrolmentId_MenteeEnrolmentId",
                table: "Supervisions",
                columns: new[] { "MentorEnrolmentId", "MenteeEnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supervisions_ProgrammeId",
                table: "Supervisions",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Willingness_MenteeEnrolmentId",
                table: "Willingness",
                column: "MenteeEnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Willingness_MentorEnrolmentId_MenteeEnrolmentId",
                table: "Willingness",
                columns: new[] { "MentorEnrolmentId", "MenteeEnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Willingness_ProgrammeId",
                table: "Willingness",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnonymousContributions");

            migrationBuilder.DropTable(
                name: "AnonymousContributors");

            migrationBuilder.DropTable(
                name: "FeedbackBriefSections");

            migrationBuilder.DropTable(
                name: "GroupNotes");

            migrationBuilder.DropTable(
                name: "MentorDeclines");

            migrationBuilder.DropTable(
                name: "PhaseOneSettings");

            migrationBuilder.DropTable(
                name: "Supervisions");

            migrationBuilder.DropTable(
                name: "Willingness");

            migrationBuilder.DropTable(
                name: "FeedbackBriefs");
        }
    }
}
