using System.Globalization;
using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.History;

/// <summary>
/// Writes a device's samples as CSV, one row per timestamp and one column per metric (the shape a
/// spreadsheet wants); a metric without a value at that timestamp is left empty.
/// </summary>
public static class HistoryCsv
{
    public static async Task<long> WriteAsync(TextWriter writer, IReadOnlyList<string> metrics, IAsyncEnumerable<RawSample> samples, CancellationToken cancellationToken)
    {
        var columns = metrics.Select((name, index) => (name, index)).ToDictionary(m => m.name, m => m.index, StringComparer.Ordinal);
        await writer.WriteLineAsync(CsvCell.Row(["timestamp", .. metrics]));
        var row = new double?[metrics.Count];
        long? current = null;
        long rows = 0;
        await foreach (var sample in samples.WithCancellation(cancellationToken))
        {
            if (current != sample.Timestamp)
            {
                if (current is { } done)
                {
                    await WriteRowAsync(writer, done, row);
                    rows++;
                }
                current = sample.Timestamp;
                Array.Clear(row);
            }
            if (columns.TryGetValue(sample.Metric, out var column))
            {
                row[column] = sample.Value;
            }
        }
        if (current is { } last)
        {
            await WriteRowAsync(writer, last, row);
            rows++;
        }
        return rows;
    }

    private static Task WriteRowAsync(TextWriter writer, long timestamp, double?[] row)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var values = row.Select(CsvCell.Number);
        return writer.WriteLineAsync(time + "," + string.Join(',', values));
    }
}
