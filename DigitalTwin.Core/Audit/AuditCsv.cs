using System.Globalization;
using System.Text;
using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Audit;

/// <summary>The audit trail as CSV (RFC 4180), one row per entry, newest first, times in UTC ISO-8601.</summary>
public static class AuditCsv
{
    public static readonly string[] Columns = ["at", "actor", "actorKind", "address", "action", "entityType", "entityId", "summary"];

    public static async Task<int> WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        await writer.WriteLineAsync(string.Join(',', Columns));
        var rows = 0;
        var line = new StringBuilder();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            line.Clear();
            line.Append(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            foreach (var text in (string?[])[entry.Actor, entry.ActorKind.ToString(), entry.Address, entry.Action, entry.EntityType, entry.EntityId, entry.Summary])
            {
                line.Append(',').Append(CsvCell.Text(text));
            }
            await writer.WriteLineAsync(line.ToString());
            rows++;
        }
        return rows;
    }
}
