using DigitalTwin.Core.Telemetry;
using Npgsql;

namespace DigitalTwin.Core.History;

/// <summary>History reads in PostgreSQL's dialect; the same answers as <see cref="SqliteHistoryQueries"/>.</summary>
internal static class PostgresHistoryQueries
{
    // bigint / bigint truncates like SQLite's integer division, so the buckets are the same.
    private const string SampleParts = """
        SELECT s."Timestamp" / $1 AS bucket, MIN(s."Value"), MAX(s."Value"), SUM(s."Value"), COUNT(*), MAX(s."Timestamp"),
            (SELECT l."Value" FROM "Samples" l WHERE l."SeriesId" = $2 AND l."Timestamp" = MAX(s."Timestamp"))
        FROM "Samples" s
        WHERE s."SeriesId" = $2 AND s."Timestamp" >= $3 AND s."Timestamp" < $4
        GROUP BY bucket ORDER BY bucket
        """;

    private const string MinuteParts = """
        SELECT m."Minute" / $1 AS bucket, MIN(m."Min"), MAX(m."Max"), SUM(m."Sum"), SUM(m."Count")::bigint, MAX(m."LastTimestamp"),
            (SELECT l."Last" FROM "SampleMinutes" l WHERE l."SeriesId" = $2 AND l."Minute" = MAX(m."Minute"))
        FROM "SampleMinutes" m
        WHERE m."SeriesId" = $2 AND m."Minute" >= $3 AND m."Minute" < $4
        GROUP BY bucket ORDER BY bucket
        """;

    public static async Task<IReadOnlyList<HistoryBucket>> BucketsAsync(
        NpgsqlDataSource dataSource, string deviceId, string metric, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("""SELECT "Id" FROM "Series" WHERE "DeviceId" = $1 AND "Metric" = $2""", connection);
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metric });
        if (await find.ExecuteScalarAsync(cancellationToken) is not int seriesId)
        {
            return [];
        }
        return await new HistoryBucketReader(
            (from, to) => PartsAsync(connection, MinuteParts, seriesId, from, to, intervalMs, cancellationToken),
            (from, to) => PartsAsync(connection, SampleParts, seriesId, from, to, intervalMs, cancellationToken))
            .ReadAsync(fromMs, toMs, intervalMs);
    }

    private static async Task<IReadOnlyList<BucketPart>> PartsAsync(
        NpgsqlConnection connection, string sql, int seriesId, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = intervalMs });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = seriesId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromMs });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toMs });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await BucketPart.ReadAllAsync(reader, cancellationToken);
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
