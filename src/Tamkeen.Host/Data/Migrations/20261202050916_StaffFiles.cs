using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentsJson",
                table: "Outbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentsJson",
                table: "Outbox");
        }
    }
}
