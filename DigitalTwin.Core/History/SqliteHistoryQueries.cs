using DigitalTwin.Core.Data;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Core.History;

/// <summary>History reads in SQLite's dialect.</summary>
internal static class SqliteHistoryQueries
{
    public static async Task<IReadOnlyList<HistoryPoint>> AggregateAsync(
        SqliteDatabase database, HistoryQuery query, long intervalMs, CancellationToken cancellationToken)
    {
        // SQLite returns the bare Value column from the row holding MAX(Timestamp): that is the bucket's last value.
        var aggregate = query.Aggregation switch
        {
            Aggregation.Min => "MIN(s.Value)",
            Aggregation.Max => "MAX(s.Value)",
            Aggregation.Last => "s.Value, MAX(s.Timestamp)",
            _ => "AVG(s.Value)",
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT s.Timestamp / $i AS bucket, {aggregate}
            FROM Samples s JOIN Series r ON r.Id = s.SeriesId
            WHERE r.DeviceId = $d AND r.Metric = $m AND s.Timestamp >= $from AND s.Timestamp < $to
            GROUP BY bucket ORDER BY bucket
            """;
        command.Parameters.AddWithValue("$i", intervalMs);
        command.Parameters.AddWithValue("$d", query.DeviceId);
        command.Parameters.AddWithValue("$m", query.Metric);
        command.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
        var points = new List<HistoryPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new HistoryPoint(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * intervalMs), reader.GetDouble(1)));
        }
        return points;
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
