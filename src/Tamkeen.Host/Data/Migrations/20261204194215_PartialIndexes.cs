using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_CaseEntryId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_CaseId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_ProcessedAt",
                table: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CaseEntryId",
                table: "Outbox",
                column: "CaseEntryId",
                unique: true,
                filter: "\"CaseEntryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CaseId",
                table: "Outbox",
                column: "CaseId",
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox",
                column: "ProviderMessageId",
                filter: "\"ProviderMessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_ProcessedAt",
                table: "Inbox",
                column: "ProcessedAt",
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_CaseEntryId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_CaseId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_ProcessedAt",
                table: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CaseEntryId",
                table: "Outbox",
                column: "CaseEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CaseId",
                table: "Outbox",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_ProcessedAt",
                table: "Inbox",
                column: "ProcessedAt");
        }
    }
}
