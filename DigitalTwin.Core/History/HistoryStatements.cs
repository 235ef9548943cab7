using DigitalTwin.Core.Telemetry;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DigitalTwin.Core.History;

/// <summary>The writer's prepared statements and its cache of series ids, on one open connection (which it closes).</summary>
/// <param name="asBefore">Only for the benchmark's baseline: samples written by INSERT OR REPLACE, as before foreign keys were checked.</param>
internal sealed class HistoryStatements(SqliteConnection connection, bool asBefore = false) : IHistoryStatements
{
    private readonly Dictionary<(string Device, string Metric), int> _seriesIds = [];
    private readonly List<SampleRow> _rows = [];
    /// <summary>
    /// The hot insert runs on SQLite's own API: through SqliteCommand each row also paid for a data reader,
    /// the statement enumeration and a bind-by-name lookup per parameter, a fifth of the writer's time.
    /// It runs in the connection's open transaction like the commands do. An upsert rather than INSERT OR REPLACE:
    /// with foreign keys checked, REPLACE deletes and re-inserts (checking the key both ways) where the upsert
    /// overwrites the value in place: the check then costs about a tenth of the rate of new samples (README, Benchmark).
    /// </summary>
    private readonly sqlite3_stmt _insertSample = PrepareRaw(connection, asBefore
        ? "INSERT OR REPLACE INTO Samples (SeriesId, Timestamp, Value) VALUES (?1, ?2, ?3)"
        : "INSERT INTO Samples (SeriesId, Timestamp, Value) VALUES (?1, ?2, ?3) ON CONFLICT (SeriesId, Timestamp) DO UPDATE SET Value = excluded.Value");
    /// <summary>Extends a stored minute only if every new sample is later than its newest (see <see cref="MinuteRow.First"/>).</summary>
    private readonly sqlite3_stmt _mergeMinute = PrepareRaw(connection, """
        INSERT INTO SampleMinutes (SeriesId, Minute, Min, Max, Sum, Count, LastTimestamp, Last) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?9)
        ON CONFLICT (SeriesId, Minute) DO UPDATE SET
            Min = min(Min, excluded.Min), Max = max(Max, excluded.Max), Sum = Sum + excluded.Sum, Count = Count + excluded.Count,
            LastTimestamp = excluded.LastTimestamp, Last = excluded.Last
        WHERE ?7 > LastTimestamp
        """);
    private readonly SqliteCommand _recomputeMinute = Prepare(connection, SqliteHistoryMaintenance.RecomputeMinute, "$s", "$m");
    private readonly MinuteRollup _minutes = new();
    private readonly SqliteCommand _insertSeries = Prepare(connection,
        "INSERT OR IGNORE INTO Series (DeviceId, Metric) VALUES ($d, $m)", "$d", "$m");
    private readonly SqliteCommand _selectSeries = Prepare(connection,
        "SELECT Id FROM Series WHERE DeviceId = $d AND Metric = $m", "$d", "$m");

    /// <summary>Writes every reading of the group in one transaction; returns the number of samples written.</summary>
    public int Commit(IReadOnlyList<IReadOnlyList<TelemetryReading>> group)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var command in Commands)
        {
            command.Transaction = transaction;
        }
        _rows.Clear();
        foreach (var batch in group)
        {
            foreach (var reading in batch)
            {
                var timestamp = reading.Timestamp.ToUnixTimeMilliseconds();
                foreach (var metric in reading.Metrics)
                {
                    _rows.Add(new SampleRow(SeriesId(reading.DeviceId, metric.Name), timestamp, _rows.Count, metric.Value));
                }
            }
        }
        // In key order, consecutive inserts land on the same leaf page instead of one page per series in
        // turn, which keeps the B-tree walk in the CPU cache. Arrival order breaks ties, so a repeated
        // (series, timestamp) still ends with the value that came last, as before.
        _rows.Sort();
        foreach (var row in _rows)
        {
            Insert(row);
        }
        UpdateMinutes();
        transaction.Commit();
        return _rows.Count;
    }

    private SqliteCommand[] Commands => [_insertSeries, _selectSeries, _recomputeMinute];

    /// <summary>The minutes the commit touched, from the samples as stored: of a repeated key, the last write.</summary>
    private void UpdateMinutes()
    {
        _minutes.Clear();
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            if (i + 1 < _rows.Count && _rows[i + 1].SeriesId == row.SeriesId && _rows[i + 1].Timestamp == row.Timestamp)
            {
                continue;
            }
            _minutes.Add(row.SeriesId, row.Timestamp, row.Value);
        }
        foreach (var minute in _minutes.Rows)
        {
            if (!MergeMinute(minute))
            {
                _recomputeMinute.Parameters[0].Value = minute.SeriesId;
                _recomputeMinute.Parameters[1].Value = minute.Minute;
                _recomputeMinute.ExecuteNonQuery();
            }
        }
    }

    /// <summary>False when a new sample may overwrite or precede a stored one: then the minute is computed again.</summary>
    private bool MergeMinute(MinuteRow minute)
    {
        raw.sqlite3_bind_int(_mergeMinute, 1, minute.SeriesId);
        raw.sqlite3_bind_int64(_mergeMinute, 2, minute.Minute);
        raw.sqlite3_bind_double(_mergeMinute, 3, minute.Min);
        raw.sqlite3_bind_double(_mergeMinute, 4, minute.Max);
        raw.sqlite3_bind_double(_mergeMinute, 5, minute.Sum);
        raw.sqlite3_bind_int64(_mergeMinute, 6, minute.Count);
        raw.sqlite3_bind_int64(_mergeMinute, 7, minute.First);
        raw.sqlite3_bind_int64(_mergeMinute, 8, minute.LastTimestamp);
        raw.sqlite3_bind_double(_mergeMinute, 9, minute.Last);
        Step(_mergeMinute);
        return raw.sqlite3_changes(connection.Handle) > 0;
    }

    private void Insert(SampleRow row)
    {
        raw.sqlite3_bind_int(_insertSample, 1, row.SeriesId);
        raw.sqlite3_bind_int64(_insertSample, 2, row.Timestamp);
        raw.sqlite3_bind_double(_insertSample, 3, row.Value);
        Step(_insertSample);
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    public void ForgetSeries() => _seriesIds.Clear();

    public async ValueTask DisposeAsync()
    {
        _insertSample.Dispose();
        _mergeMinute.Dispose();
        foreach (var command in Commands)
        {
            await command.DisposeAsync();
        }
        await connection.DisposeAsync();
    }

    private int SeriesId(string device, string metric)
    {
        if (_seriesIds.TryGetValue((device, metric), out var id))
        {
            return id;
        }
        _insertSeries.Parameters[0].Value = device;
        _insertSeries.Parameters[1].Value = metric;
        _insertSeries.ExecuteNonQuery();
        _selectSeries.Parameters[0].Value = device;
        _selectSeries.Parameters[1].Value = metric;
        id = Convert.ToInt32(_selectSeries.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        _seriesIds[(device, metric)] = id;
        return id;
    }

    private static sqlite3_stmt PrepareRaw(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        return statement;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }
}

/// <summary>One sample to insert, ordered by key and then by arrival.</summary>
internal readonly record struct SampleRow(int SeriesId, long Timestamp, int Arrival, double Value) : IComparable<SampleRow>
{
    public int CompareTo(SampleRow other) =>
        SeriesId != other.SeriesId ? SeriesId.CompareTo(other.SeriesId)
        : Timestamp != other.Timestamp ? Timestamp.CompareTo(other.Timestamp)
        : Arrival.CompareTo(other.Arrival);
}
