using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalTwin.Core.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class TwinPropertiesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TwinProperties",
                columns: table => new
                {
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Desired = table.Column<string>(type: "text", nullable: false),
                    DesiredVersion = table.Column<long>(type: "bigint", nullable: false),
                    DesiredUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reported = table.Column<string>(type: "text", nullable: false),
                    ReportedVersion = table.Column<long>(type: "bigint", nullable: false),
                    ReportedUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
