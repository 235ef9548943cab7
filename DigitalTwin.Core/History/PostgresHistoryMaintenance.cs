using System.Runtime.CompilerServices;
using Npgsql;

namespace DigitalTwin.Core.History;

/// <summary>Exports and retention in PostgreSQL's dialect; the same answers as <see cref="SqliteHistoryMaintenance"/>.</summary>
internal static class PostgresHistoryMaintenance
{
    public static async IAsyncEnumerable<RawSample> ReadRawAsync(
        NpgsqlDataSource dataSource, string deviceId, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s."Timestamp", r."Metric", s."Value"
            FROM "Series" r JOIN "Samples" s ON s."SeriesId" = r."Id"
            WHERE r."DeviceId" = $1 AND s."Timestamp" >= $2 AND s."Timestamp" < $3
            ORDER BY s."Timestamp", r."Metric" COLLATE "C"
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromMs });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toMs });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new RawSample(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2));
        }
    }

    public static Task<IReadOnlyList<int>> SeriesIdsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        PostgresHistoryQueries.ReadColumnAsync<int>(dataSource, """SELECT "Id" FROM "Series" ORDER BY "Id" """, cancellationToken);

    public static async Task<int> DeleteOlderThanAsync(NpgsqlDataSource dataSource, int seriesId, long cutoffMs, int maxRows, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM "Samples"
            WHERE "SeriesId" = $1 AND "Timestamp" IN (
                SELECT "Timestamp" FROM "Samples" WHERE "SeriesId" = $1 AND "Timestamp" < $2 ORDER BY "Timestamp" LIMIT $3)
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = seriesId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cutoffMs });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxRows });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
