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
    private const string Upsert = """
        INSERT INTO "Samples" ("SeriesId", "Timestamp", "Value") SELECT s, t, v FROM history_stage
        ON CONFLICT ("SeriesId", "Timestamp") DO UPDATE SET "Value" = EXCLUDED."Value"
        """;

    private readonly Dictionary<(string Device, string Metric), int> _seriesIds = [];
    private readonly List<Sample> _samples = [];
    private NpgsqlConnection? _connection;

    public int Commit(IReadOnlyList<IReadOnlyList<TelemetryReading>> group, DateTimeOffset now)
    {
        var connection = Open();
        using var transaction = connection.BeginTransaction();
        var samples = Collect(connection, group, now);
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
        using (var upsert = new NpgsqlCommand(Upsert, connection))
        {
            upsert.ExecuteNonQuery();
        }
        transaction.Commit();
        return samples;
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
    /// Gathers the group's samples with their series ids in key order, keeping only the last write of a repeated
    /// (series, timestamp) because one upsert may not touch a row twice. Returns every sample, repeats included,
    /// as the SQLite writer counts them.
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
                    _samples.Add(new Sample(SeriesId(connection, reading.DeviceId, metric.Name, now), timestamp, metric.Value, _samples.Count));
                }
            }
        }
        // Key order lets the upsert walk the primary key and check the foreign key series by series instead of jumping
        // between them; sorting here rather than in SQL keeps the sort out of the server's work_mem. Arrival order
        // breaks ties, so the last of a run of repeats is the last one written.
        _samples.Sort(static (a, b) =>
            a.SeriesId != b.SeriesId ? a.SeriesId.CompareTo(b.SeriesId)
            : a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp)
            : a.Order.CompareTo(b.Order));
        var kept = 0;
        for (var i = 0; i < _samples.Count; i++)
        {
            var lastOfItsKey = i + 1 == _samples.Count
                || _samples[i + 1].SeriesId != _samples[i].SeriesId || _samples[i + 1].Timestamp != _samples[i].Timestamp;
            if (lastOfItsKey)
            {
                _samples[kept++] = _samples[i];
            }
        }
        var count = _samples.Count;
        _samples.RemoveRange(kept, count - kept);
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

    private readonly record struct Sample(int SeriesId, long Timestamp, double Value, int Order);
}
