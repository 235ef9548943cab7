using DigitalTwin.Core.Data;
using DigitalTwin.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Core.History;

/// <summary>History reads in SQLite's dialect.</summary>
internal static class SqliteHistoryQueries
{
    // The last value is the one at the bucket's newest timestamp (minute), found by key once per bucket.
    private const string SampleParts = """
        SELECT bucket, mn, mx, sm, ct, lt, (SELECT l.Value FROM Samples l WHERE l.SeriesId = $s AND l.Timestamp = lt)
        FROM (
            SELECT s.Timestamp / $i AS bucket, MIN(s.Value) mn, MAX(s.Value) mx, SUM(s.Value) sm, COUNT(*) ct, MAX(s.Timestamp) lt
            FROM Samples s
            WHERE s.SeriesId = $s AND s.Timestamp >= $from AND s.Timestamp < $to
            GROUP BY bucket)
        ORDER BY bucket
        """;

    private const string MinuteParts = """
        SELECT bucket, mn, mx, sm, ct, lt, (SELECT l.Last FROM SampleMinutes l WHERE l.SeriesId = $s AND l.Minute = lm)
        FROM (
            SELECT m.Minute / $i AS bucket, MIN(m.Min) mn, MAX(m.Max) mx, SUM(m.Sum) sm, SUM(m.Count) ct, MAX(m.LastTimestamp) lt, MAX(m.Minute) lm
            FROM SampleMinutes m
            WHERE m.SeriesId = $s AND m.Minute >= $from AND m.Minute < $to
            GROUP BY bucket)
        ORDER BY bucket
        """;

    public static async Task<IReadOnlyList<HistoryBucket>> BucketsAsync(
        SqliteDatabase database, string deviceId, string metric, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT Id FROM Series WHERE DeviceId = $d AND Metric = $m";
        find.Parameters.AddWithValue("$d", deviceId);
        find.Parameters.AddWithValue("$m", metric);
        if (await find.ExecuteScalarAsync(cancellationToken) is not long seriesId)
        {
            return [];
        }
        return await new HistoryBucketReader(
            (from, to) => PartsAsync(connection, MinuteParts, seriesId, from, to, intervalMs, cancellationToken),
            (from, to) => PartsAsync(connection, SampleParts, seriesId, from, to, intervalMs, cancellationToken))
            .ReadAsync(fromMs, toMs, intervalMs);
    }

    private static async Task<IReadOnlyList<BucketPart>> PartsAsync(
        SqliteConnection connection, string sql, long seriesId, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$i", intervalMs);
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await BucketPart.ReadAllAsync(reader, cancellationToken);
    }

    public static async Task<IReadOnlyDictionary<string, TwinMetric>> LatestAsync(
        SqliteDatabase database, string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Metric, s.Value, s.Timestamp
            FROM Series r JOIN Samples s ON s.SeriesId = r.Id
            WHERE r.DeviceId = $d AND s.Timestamp = (SELECT MAX(Timestamp) FROM Samples WHERE SeriesId = r.Id)
            """;
        command.Parameters.AddWithValue("$d", deviceId);
        var metrics = new Dictionary<string, TwinMetric>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            metrics[reader.GetString(0)] = new TwinMetric(reader.GetDouble(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }
        return metrics;
    }

    public static Task<IReadOnlyList<string>> DeviceIdsAsync(SqliteDatabase database, CancellationToken cancellationToken) =>
        ReadColumnAsync<string>(database, "SELECT Id FROM Devices ORDER BY Id", cancellationToken);

    /// <summary>The first column of every row of a query without parameters.</summary>
    public static async Task<IReadOnlyList<T>> ReadColumnAsync<T>(SqliteDatabase database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }
}
