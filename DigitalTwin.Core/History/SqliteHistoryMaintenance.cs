using System.Runtime.CompilerServices;
using DigitalTwin.Core.Data;

namespace DigitalTwin.Core.History;

/// <summary>Exports and retention in SQLite's dialect. Every statement walks the (SeriesId, Timestamp) key.</summary>
internal static class SqliteHistoryMaintenance
{
    public static async IAsyncEnumerable<RawSample> ReadRawAsync(
        SqliteDatabase database, string deviceId, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Timestamp, r.Metric, s.Value
            FROM Series r JOIN Samples s ON s.SeriesId = r.Id
            WHERE r.DeviceId = $d AND s.Timestamp >= $from AND s.Timestamp < $to
            ORDER BY s.Timestamp, r.Metric
            """;
        command.Parameters.AddWithValue("$d", deviceId);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new RawSample(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2));
        }
    }

    public static Task<IReadOnlyList<int>> SeriesIdsAsync(SqliteDatabase database, CancellationToken cancellationToken) =>
        SqliteHistoryQueries.ReadColumnAsync<int>(database, "SELECT Id FROM Series ORDER BY Id", cancellationToken);

    public static async Task<int> DeleteOlderThanAsync(SqliteDatabase database, int seriesId, long cutoffMs, int maxRows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The bound is the timestamp of the maxRows-th oldest expired sample (or the cutoff when fewer expired).
        command.CommandText = """
            DELETE FROM Samples
            WHERE SeriesId = $s AND Timestamp < $cutoff AND Timestamp <= COALESCE(
                (SELECT Timestamp FROM Samples WHERE SeriesId = $s AND Timestamp < $cutoff ORDER BY Timestamp LIMIT 1 OFFSET $n - 1),
                $cutoff)
            """;
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$cutoff", cutoffMs);
        command.Parameters.AddWithValue("$n", maxRows);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
