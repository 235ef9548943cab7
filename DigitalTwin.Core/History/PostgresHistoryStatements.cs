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

    private const string CreateMinuteStage = """
        CREATE TEMP TABLE IF NOT EXISTS minute_stage (
            s integer NOT NULL, m bigint NOT NULL, mn double precision NOT NULL, mx double precision NOT NULL, sm double precision NOT NULL,
            ct bigint NOT NULL, f bigint NOT NULL, lt bigint NOT NULL, lv double precision NOT NULL, redo boolean NOT NULL DEFAULT false)
        ON COMMIT DELETE ROWS
        """;
    private const string CopyMinuteStage = "COPY minute_stage (s, m, mn, mx, sm, ct, f, lt, lv) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// A stored minute that has a sample at or after the earliest new one may have had it overwritten, or gained an
    /// earlier one: it is computed again from the samples. Every other minute is extended in place, or inserted.
    /// </summary>
    private static readonly string[] UpdateMinutes =
    [
        """
        UPDATE minute_stage x SET redo = true FROM "SampleMinutes" r
        WHERE r."SeriesId" = x.s AND r."Minute" = x.m AND x.f <= r."LastTimestamp"
        """,
        """DELETE FROM "SampleMinutes" r USING minute_stage x WHERE x.redo AND r."SeriesId" = x.s AND r."Minute" = x.m""",
        $"""
        INSERT INTO "SampleMinutes" ("SeriesId", "Minute", "Min", "Max", "Sum", "Count", "LastTimestamp", "Last")
        SELECT x.s, x.m, a.mn, a.mx, a.sm, a.ct, a.lt, a.lv FROM minute_stage x {PostgresHistoryMaintenance.MinuteFromSamples("x.s", "x.m")}
        WHERE x.redo AND a.ct > 0
        """,
        """
        INSERT INTO "SampleMinutes" AS r ("SeriesId", "Minute", "Min", "Max", "Sum", "Count", "LastTimestamp", "Last")
        SELECT s, m, mn, mx, sm, ct, lt, lv FROM minute_stage WHERE NOT redo
        ON CONFLICT ("SeriesId", "Minute") DO UPDATE SET
            "Min" = LEAST(r."Min", EXCLUDED."Min"), "Max" = GREATEST(r."Max", EXCLUDED."Max"), "Sum" = r."Sum" + EXCLUDED."Sum",
            "Count" = r."Count" + EXCLUDED."Count", "LastTimestamp" = EXCLUDED."LastTimestamp", "Last" = EXCLUDED."Last"
        """,
    ];

    private readonly Dictionary<(string Device, string Metric), int> _seriesIds = [];
    private readonly MinuteRollup _minutes = new();
    private readonly List<Sample> _samples = [];
    private NpgsqlConnection? _connection;

    public int Commit(IReadOnlyList<IReadOnlyList<TelemetryReading>> group)
    {
        var connection = Open();
        using var transaction = connection.BeginTransaction();
        var samples = Collect(connection, group);
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
        WriteMinutes(connection, transaction);
        transaction.Commit();
        return samples;
    }

    public void ForgetSeries() => _seriesIds.Clear();

    /// <summary>The minutes the commit touched, staged like the samples and applied by one batch (one round trip).</summary>
    private void WriteMinutes(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _minutes.Clear();
        foreach (var sample in _samples)
        {
            _minutes.Add(sample.SeriesId, sample.Timestamp, sample.Value);
        }
        using (var importer = connection.BeginBinaryImport(CopyMinuteStage))
        {
            foreach (var minute in _minutes.Rows)
            {
                importer.StartRow();
                importer.Write(minute.SeriesId, NpgsqlDbType.Integer);
                importer.Write(minute.Minute, NpgsqlDbType.Bigint);
                importer.Write(minute.Min, NpgsqlDbType.Double);
                importer.Write(minute.Max, NpgsqlDbType.Double);
                importer.Write(minute.Sum, NpgsqlDbType.Double);
                importer.Write(minute.Count, NpgsqlDbType.Bigint);
                importer.Write(minute.First, NpgsqlDbType.Bigint);
                importer.Write(minute.LastTimestamp, NpgsqlDbType.Bigint);
                importer.Write(minute.Last, NpgsqlDbType.Double);
            }
            importer.Complete();
        }
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in UpdateMinutes)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }
        batch.ExecuteNonQuery();
    }

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
    private int Collect(NpgsqlConnection connection, IReadOnlyList<IReadOnlyList<TelemetryReading>> group)
    {
        _samples.Clear();
        foreach (var batch in group)
        {
            foreach (var reading in batch)
            {
                var timestamp = reading.Timestamp.ToUnixTimeMilliseconds();
                foreach (var metric in reading.Metrics)
                {
                    _samples.Add(new Sample(SeriesId(connection, reading.DeviceId, metric.Name), timestamp, metric.Value, _samples.Count));
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

    private int SeriesId(NpgsqlConnection connection, string device, string metric)
    {
        if (_seriesIds.TryGetValue((device, metric), out var id))
        {
            return id;
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
            using var create = new NpgsqlCommand(CreateStage + ";" + CreateMinuteStage, connection);
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
