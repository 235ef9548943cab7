using DigitalTwin.Core.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace DigitalTwin.Core.History;

/// <summary>
/// The writer's statements on PostgreSQL. A statement per row would pay a network round trip per sample, so a
/// group's samples are streamed by binary COPY into a temporary table and moved into Samples by one upsert.
/// The connection opens lazily and again after a failure: a database restart costs retries, not the writer.
/// </summary>
internal sealed class PostgresHistoryStatements(NpgsqlDataSource dataSource) : IHistoryStatements
{
    private const string CreateStage = """
        CREATE TEMP TABLE IF NOT EXISTS history_stage (s integer NOT NULL, t bigint NOT NULL, v double precision NOT NULL)
        ON COMMIT DELETE ROWS
        """;
    private const string CopyStage = "COPY history_stage (s, t, v) FROM STDIN (FORMAT BINARY)";
    private static readonly string Upsert = Environment.GetEnvironmentVariable("DT_PG_MODE") == "unsorted" ? """
        INSERT INTO "Samples" ("SeriesId", "Timestamp", "Value") SELECT s, t, v FROM history_stage
        ON CONFLICT ("SeriesId", "Timestamp") DO UPDATE SET "Value" = EXCLUDED."Value"
        """ : """
        INSERT INTO "Samples" ("SeriesId", "Timestamp", "Value") SELECT s, t, v FROM history_stage ORDER BY s, t
        ON CONFLICT ("SeriesId", "Timestamp") DO UPDATE SET "Value" = EXCLUDED."Value"
        """;
    private static readonly bool Unnest = Environment.GetEnvironmentVariable("DT_PG_MODE") == "unnest";

    private readonly Dictionary<(string Device, string Metric), int> _seriesIds = [];
    private readonly List<Sample> _samples = [];
    private readonly HashSet<(int SeriesId, long Timestamp)> _keys = [];
    private NpgsqlConnection? _connection;

    public int Commit(IReadOnlyList<IReadOnlyList<TelemetryReading>> group, DateTimeOffset now)
    {
        var connection = Open();
        using var transaction = connection.BeginTransaction();
        var samples = Collect(connection, group, now);
        if (Unnest)
        {
            UpsertArrays(connection);
        }
        else
        {
            using (var importer = connection.BeginBinaryImport(CopyStage))
            {
                foreach (var sample in _samples)
                {
                    importer.StartRow();
                    importer.Write(sample.SeriesId, NpgsqlDbType.Integer);
                    importer.Write(sample.Timestamp, NpgsqlDbType.Bigint);
                    importer.Write(sample.Value, NpgsqlDbType.Double);
                }
                importer.Complete();
            }
            using var upsert = new NpgsqlCommand(Upsert, connection);
            upsert.ExecuteNonQuery();
        }
        transaction.Commit();
        return samples;
    }

    private void UpsertArrays(NpgsqlConnection connection)
    {
        using var upsert = new NpgsqlCommand("""
            INSERT INTO "Samples" ("SeriesId", "Timestamp", "Value")
            SELECT * FROM unnest($1::integer[], $2::bigint[], $3::double precision[])
            ON CONFLICT ("SeriesId", "Timestamp") DO UPDATE SET "Value" = EXCLUDED."Value"
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. _samples.Select(s => s.SeriesId)] });
        upsert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. _samples.Select(s => s.Timestamp)] });
        upsert.Parameters.Add(new NpgsqlParameter<double[]> { TypedValue = [.. _samples.Select(s => s.Value)] });
        upsert.ExecuteNonQuery();
    }

    public void ForgetSeries() => _seriesIds.Clear();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Gathers the group's samples with their series ids, keeping only the last write of a repeated (series, timestamp):
    /// one upsert may not touch a row twice. Returns every sample, repeats included, as the SQLite writer counts them.
    /// </summary>
    private int Collect(NpgsqlConnection connection, IReadOnlyList<IReadOnlyList<TelemetryReading>> group, DateTimeOffset now)
    {
        _samples.Clear();
        foreach (var batch in group)
        {
            foreach (var reading in batch)
            {
                var timestamp = reading.Timestamp.ToUnixTimeMilliseconds();
                foreach (var metric in reading.Metrics)
                {
                    _samples.Add(new Sample(SeriesId(connection, reading.DeviceId, metric.Name, now), timestamp, metric.Value));
                }
            }
        }
        var count = _samples.Count;
        _keys.Clear();
        _keys.EnsureCapacity(count);
        // Walk backwards so the first occurrence met is the last one written, then restore the order.
        var kept = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var sample = _samples[i];
            if (_keys.Add((sample.SeriesId, sample.Timestamp)))
            {
                _samples[count - 1 - kept++] = sample;
            }
        }
        if (kept < count)
        {
            _samples.RemoveRange(0, count - kept);
        }
        return count;
    }

    private int SeriesId(NpgsqlConnection connection, string device, string metric, DateTimeOffset now)
    {
        if (_seriesIds.TryGetValue((device, metric), out var id))
        {
            return id;
        }
        using (var insertDevice = new NpgsqlCommand("""
            INSERT INTO "Devices" ("Id", "Kind", "CreatedAt") VALUES ($1, 'thermometer', $2) ON CONFLICT DO NOTHING
            """, connection))
        {
            insertDevice.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device });
            // timestamptz takes UTC only.
            insertDevice.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
            insertDevice.ExecuteNonQuery();
        }
        using (var insertSeries = new NpgsqlCommand("""
            INSERT INTO "Series" ("DeviceId", "Metric") VALUES ($1, $2) ON CONFLICT DO NOTHING
            """, connection))
        {
            insertSeries.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device });
            insertSeries.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metric });
            insertSeries.ExecuteNonQuery();
        }
        using var selectSeries = new NpgsqlCommand("""SELECT "Id" FROM "Series" WHERE "DeviceId" = $1 AND "Metric" = $2""", connection);
        selectSeries.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device });
        selectSeries.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metric });
        id = (int)selectSeries.ExecuteScalar()!;
        _seriesIds[(device, metric)] = id;
        return id;
    }

    private NpgsqlConnection Open()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }
        _connection?.Dispose();
        _connection = null;
        var connection = dataSource.OpenConnection();
        try
        {
            using var create = new NpgsqlCommand(CreateStage, connection);
            create.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return _connection = connection;
    }

    private readonly record struct Sample(int SeriesId, long Timestamp, double Value);
}
