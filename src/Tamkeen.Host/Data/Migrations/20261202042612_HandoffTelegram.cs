using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class HandoffTelegram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CaseEntryId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GroupPost",
                table: "Outbox",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipient",
                table: "Outbox",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "TelegramLinkCodeExpiresAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TelegramLinkCodeHash",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TelegramUserId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_AspNetUsers_TelegramUserId",
                table: "AspNetUsers",
                column: "TelegramUserId",
                unique: true);
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
                name: "IX_AspNetUsers_TelegramUserId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CaseEntryId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "GroupPost",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Recipient",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "TelegramLinkCodeExpiresAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TelegramLinkCodeHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TelegramUserId",
                table: "AspNetUsers");
        }
    }
}
