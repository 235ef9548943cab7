using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalTwin.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SampleMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SampleMinutes",
                columns: table => new
                {
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minute = table.Column<long>(type: "INTEGER", nullable: false),
                    Min = table.Column<double>(type: "REAL", nullable: false),
                    Max = table.Column<double>(type: "REAL", nullable: false),
                    Sum = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    LastTimestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Last = table.Column<double>(type: "REAL", nullable: false)
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
                INSERT INTO SampleMinutes (SeriesId, Minute, Min, Max, Sum, Count, LastTimestamp, Last)
                SELECT g.SeriesId, g.m, g.mn, g.mx, g.sm, g.ct, g.lt,
                    (SELECT l.Value FROM Samples l WHERE l.SeriesId = g.SeriesId AND l.Timestamp = g.lt)
                FROM (
                    SELECT SeriesId, Timestamp - ((Timestamp % 60000) + 60000) % 60000 AS m,
                        MIN(Value) mn, MAX(Value) mx, SUM(Value) sm, COUNT(*) ct, MAX(Timestamp) lt
                    FROM Samples GROUP BY SeriesId, m) g;
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
