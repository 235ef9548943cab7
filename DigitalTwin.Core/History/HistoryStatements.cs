using DigitalTwin.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Core.History;

/// <summary>The writer's prepared statements and its cache of series ids, on one open connection.</summary>
internal sealed class HistoryStatements(SqliteConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<(string Device, string Metric), int> _seriesIds = [];
    private readonly List<SampleRow> _rows = [];
    private readonly SqliteCommand _insertSample = Prepare(connection,
        "INSERT OR REPLACE INTO Samples (SeriesId, Timestamp, Value) VALUES ($s, $t, $v)", "$s", "$t", "$v");
    private readonly SqliteCommand _insertDevice = Prepare(connection,
        "INSERT OR IGNORE INTO Devices (Id, Kind, CreatedAt) VALUES ($d, 'thermometer', $c)", "$d", "$c");
    private readonly SqliteCommand _insertSeries = Prepare(connection,
        "INSERT OR IGNORE INTO Series (DeviceId, Metric) VALUES ($d, $m)", "$d", "$m");
    private readonly SqliteCommand _selectSeries = Prepare(connection,
        "SELECT Id FROM Series WHERE DeviceId = $d AND Metric = $m", "$d", "$m");

    /// <summary>Writes every reading of the group in one transaction; returns the number of samples written.</summary>
    public int Commit(IReadOnlyList<IReadOnlyList<TelemetryReading>> group, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var command in (SqliteCommand[])[_insertSample, _insertDevice, _insertSeries, _selectSeries])
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
                    _rows.Add(new SampleRow(SeriesId(reading.DeviceId, metric.Name, now), timestamp, _rows.Count, metric.Value));
                }
            }
        }
        // In key order, consecutive inserts land on the same leaf page instead of one page per series in
        // turn, which keeps the B-tree walk in the CPU cache. Arrival order breaks ties, so a repeated
        // (series, timestamp) still ends with the value that came last, as before.
        _rows.Sort();
        foreach (var row in _rows)
        {
            _insertSample.Parameters[0].Value = row.SeriesId;
            _insertSample.Parameters[1].Value = row.Timestamp;
            _insertSample.Parameters[2].Value = row.Value;
            _insertSample.ExecuteNonQuery();
        }
        transaction.Commit();
        return _rows.Count;
    }

    /// <summary>After a rolled-back transaction the cached ids may name rows that were never committed.</summary>
    public void ForgetSeries() => _seriesIds.Clear();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in (SqliteCommand[])[_insertSample, _insertDevice, _insertSeries, _selectSeries])
        {
            await command.DisposeAsync();
        }
    }

    private int SeriesId(string device, string metric, DateTimeOffset now)
    {
        if (_seriesIds.TryGetValue((device, metric), out var id))
        {
            return id;
        }
        _insertDevice.Parameters[0].Value = device;
        _insertDevice.Parameters[1].Value = now;
        _insertDevice.ExecuteNonQuery();
        _insertSeries.Parameters[0].Value = device;
        _insertSeries.Parameters[1].Value = metric;
        _insertSeries.ExecuteNonQuery();
        _selectSeries.Parameters[0].Value = device;
        _selectSeries.Parameters[1].Value = metric;
        id = Convert.ToInt32(_selectSeries.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        _seriesIds[(device, metric)] = id;
        return id;
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
