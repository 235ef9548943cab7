using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using Npgsql;

namespace DigitalTwin.Core.History;

/// <summary>History reads in PostgreSQL's dialect; the same answers as <see cref="SqliteHistoryQueries"/>.</summary>
internal static class PostgresHistoryQueries
{
    public static async Task<IReadOnlyList<HistoryPoint>> AggregateAsync(
        NpgsqlDataSource dataSource, HistoryQuery query, long intervalMs, CancellationToken cancellationToken)
    {
        var aggregate = query.Aggregation switch
        {
            Aggregation.Min => """MIN(s."Value")""",
            Aggregation.Max => """MAX(s."Value")""",
            Aggregation.Last => """(array_agg(s."Value" ORDER BY s."Timestamp" DESC))[1]""",
            _ => """AVG(s."Value")""",
        };
        // bigint / bigint truncates like SQLite's integer division, so the buckets are the same.
        await using var command = dataSource.CreateCommand($"""
            SELECT s."Timestamp" / $1 AS bucket, {aggregate}
            FROM "Samples" s JOIN "Series" r ON r."Id" = s."SeriesId"
            WHERE r."DeviceId" = $2 AND r."Metric" = $3 AND s."Timestamp" >= $4 AND s."Timestamp" < $5
            GROUP BY bucket ORDER BY bucket
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = intervalMs });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.DeviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.Metric });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.From.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.To.ToUnixTimeMilliseconds() });
        var points = new List<HistoryPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new HistoryPoint(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * intervalMs), reader.GetDouble(1)));
        }
        return points;
    }

    public static async Task<IReadOnlyDictionary<string, TwinMetric>> LatestAsync(
        NpgsqlDataSource dataSource, string deviceId, CancellationToken cancellationToken)
    {
        // One backward step down the primary key per series.
        await using var command = dataSource.CreateCommand("""
            SELECT r."Metric", s."Value", s."Timestamp"
            FROM "Series" r CROSS JOIN LATERAL (
                SELECT "Value", "Timestamp" FROM "Samples" WHERE "SeriesId" = r."Id" ORDER BY "Timestamp" DESC LIMIT 1) s
            WHERE r."DeviceId" = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        var metrics = new Dictionary<string, TwinMetric>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            metrics[reader.GetString(0)] = new TwinMetric(reader.GetDouble(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }
        return metrics;
    }

    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    public static Task<IReadOnlyList<string>> DeviceIdsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        ReadColumnAsync<string>(dataSource, """SELECT "Id" FROM "Devices" ORDER BY "Id" COLLATE "C" """, cancellationToken);

    /// <summary>The first column of every row of a query without parameters.</summary>
    public static async Task<IReadOnlyList<T>> ReadColumnAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }
}
