using Microsoft.Data.Sqlite;

namespace DigitalTwin.Bench;

/// <summary>
/// The history chart as the device page asked for it before the minute rollup: MIN, AVG and MAX over the samples,
/// three queries in parallel, each on a connection of its own. Kept here only as the baseline of <c>history-query</c>.
/// </summary>
internal sealed class ThreeQueryChart(string connectionString)
{
    public Task QueryAsync(string device, string metric, DateTimeOffset from, DateTimeOffset to, long intervalMs) =>
        Task.WhenAll(new[] { "MIN(s.Value)", "AVG(s.Value)", "MAX(s.Value)" }.Select(aggregate => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT s.Timestamp / $i AS bucket, {aggregate}
                FROM Samples s JOIN Series r ON r.Id = s.SeriesId
                WHERE r.DeviceId = $d AND r.Metric = $m AND s.Timestamp >= $from AND s.Timestamp < $to
                GROUP BY bucket ORDER BY bucket
                """;
            command.Parameters.AddWithValue("$i", intervalMs);
            command.Parameters.AddWithValue("$d", device);
            command.Parameters.AddWithValue("$m", metric);
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            var points = 0;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                points++;
            }
            return points;
        })));
}
