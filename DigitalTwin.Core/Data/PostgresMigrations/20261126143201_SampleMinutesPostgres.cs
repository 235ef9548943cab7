using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalTwin.Core.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SampleMinutesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SampleMinutes",
                columns: table => new
                {
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    Minute = table.Column<long>(type: "bigint", nullable: false),
                    Min = table.Column<double>(type: "double precision", nullable: false),
                    Max = table.Column<double>(type: "double precision", nullable: false),
                    Sum = table.Column<double>(type: "double precision", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    LastTimestamp = table.Column<long>(type: "bigint", nullable: false),
                    Last = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampleMinutes", x => new { x.SeriesId, x.Minute });
                    table.ForeignKey(
                        name: "FK_SampleMinutes_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // History written before the rollup existed: its minutes, so charts read the same from either source.
            migrationBuilder.Sql("""
                INSERT INTO "SampleMinutes" ("SeriesId", "Minute", "Min", "Max", "Sum", "Count", "LastTimestamp", "Last")
                SELECT "SeriesId", "Timestamp" - (("Timestamp" % 60000) + 60000) % 60000 AS m,
                    MIN("Value"), MAX("Value"), SUM("Value"), COUNT(*), MAX("Timestamp"), (array_agg("Value" ORDER BY "Timestamp" DESC))[1]
                FROM "Samples" GROUP BY "SeriesId", m;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SampleMinutes");
        }
    }
}
