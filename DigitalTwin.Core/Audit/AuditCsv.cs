using System.Globalization;
using System.Text;

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
                line.Append(',').Append(Cell(text));
            }
            await writer.WriteLineAsync(line.ToString());
            rows++;
        }
        return rows;
    }

    /// <summary>A text cell: formula-safe, then quoted when it holds a comma, quote or line break.</summary>
    private static string Cell(string? text)
    {
        var safe = EscapeFormula(text ?? "");
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>
    /// Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return) is run as a formula by
    /// Excel and LibreOffice, so it gets a leading apostrophe (OWASP's advice). One function so a shared CSV-cell
    /// helper can replace it.
    /// </summary>
    public static string EscapeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
