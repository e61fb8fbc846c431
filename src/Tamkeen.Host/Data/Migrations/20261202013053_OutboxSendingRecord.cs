using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSendingRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InterruptedSends",
                table: "Outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SendingSince",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterruptedSends",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "SendingSince",
                table: "Outbox");
        }
    }
}
