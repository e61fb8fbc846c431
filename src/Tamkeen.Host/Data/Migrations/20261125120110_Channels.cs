using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactButton",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderMessageId",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderStatus",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Segments",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StartedByBot",
                table: "Outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "OptedOutAt",
                table: "ChannelIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "ChannelIdentities",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UnreachableSince",
                table: "ChannelIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelIdentities_Phone",
                table: "ChannelIdentities",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_ChannelIdentities_Phone",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "ContactButton",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ProviderMessageId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ProviderStatus",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Segments",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "StartedByBot",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "OptedOutAt",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "UnreachableSince",
                table: "ChannelIdentities");
        }
    }
}
