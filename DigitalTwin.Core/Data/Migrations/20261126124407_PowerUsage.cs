using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalTwin.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PowerUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PowerImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FirstMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    LastMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Districts = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsNew = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerUsages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Sido = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sigungu = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContractType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kwh = table.Column<long>(type: "INTEGER", nullable: true),
                    Customers = table.Column<long>(type: "INTEGER", nullable: true),
                    BillKrw = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerUsages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerUsageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Sido = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sigungu = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContractType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OldKwh = table.Column<long>(type: "INTEGER", nullable: true),
                    NewKwh = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerUsageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PowerUsageChanges_PowerImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "PowerImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PowerUsageChanges_ImportId",
                table: "PowerUsageChanges",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_PowerUsages_Sido_Sigungu_ContractType_Year_Month",
                table: "PowerUsages",
                columns: new[] { "Sido", "Sigungu", "ContractType", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PowerUsages_Year_Month",
                table: "PowerUsages",
                columns: new[] { "Year", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PowerUsageChanges");

            migrationBuilder.DropTable(
                name: "PowerUsages");

            migrationBuilder.DropTable(
                name: "PowerImports");
        }
    }
}
