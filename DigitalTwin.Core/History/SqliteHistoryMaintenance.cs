using System.Runtime.CompilerServices;
using DigitalTwin.Core.Data;

namespace DigitalTwin.Core.History;

/// <summary>Exports and retention in SQLite's dialect. Every statement walks the (SeriesId, Timestamp) key.</summary>
internal static class SqliteHistoryMaintenance
{
    /// <summary>One minute ($m, its start) of a series ($s) computed from its samples; none when it has none.</summary>
    public const string RecomputeMinute = """
        DELETE FROM SampleMinutes WHERE SeriesId = $s AND Minute = $m;
        INSERT INTO SampleMinutes (SeriesId, Minute, Min, Max, Sum, Count, LastTimestamp, Last)
        SELECT $s, $m, mn, mx, sm, ct, lt, (SELECT l.Value FROM Samples l WHERE l.SeriesId = $s AND l.Timestamp = lt)
        FROM (
            SELECT MIN(s.Value) mn, MAX(s.Value) mx, SUM(s.Value) sm, COUNT(*) ct, MAX(s.Timestamp) lt
            FROM Samples s WHERE s.SeriesId = $s AND s.Timestamp >= $m AND s.Timestamp < $m + 60000)
        WHERE ct > 0;
        """;

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

    /// <summary>The minutes wholly before the cutoff go; the one it cuts through is computed again from its remaining samples.</summary>
    public static async Task DeleteMinutesOlderThanAsync(SqliteDatabase database, int seriesId, long cutoffMs, CancellationToken cancellationToken)
    {
        var cut = MinuteRollup.Floor(cutoffMs);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM SampleMinutes WHERE SeriesId = $s AND Minute < $m;" + (cut < cutoffMs ? RecomputeMinute : "");
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$m", cut);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
