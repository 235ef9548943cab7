using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalTwin.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TwinProperties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TwinProperties",
                columns: table => new
                {
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Desired = table.Column<string>(type: "TEXT", nullable: false),
                    DesiredVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    DesiredUpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Reported = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedUpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwinProperties", x => x.DeviceId);
                    table.ForeignKey(
                        name: "FK_TwinProperties_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TwinProperties");
        }
    }
}
