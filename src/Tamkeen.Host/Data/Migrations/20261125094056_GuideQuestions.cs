using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuideQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GuideEntryIds",
                table: "Conversations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingQuestion",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionLanguage",
                table: "Conversations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnansweredQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeneficiaryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", nullable: false),
                    NormalizedQuestion = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnansweredQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnansweredQuestions_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnansweredQuestions_AskedAt",
                table: "UnansweredQuestions",
                column: "AskedAt");

            migrationBuilder.CreateIndex(
                name: "IX_UnansweredQuestions_BeneficiaryId",
                table: "UnansweredQuestions",
                column: "BeneficiaryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnansweredQuestions");

            migrationBuilder.DropColumn(
                name: "GuideEntryIds",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PendingQuestion",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "QuestionLanguage",
                table: "Conversations");
        }
    }
}
