using System.Globalization;

namespace DigitalTwin.Core.Text;

/// <summary>
/// Cells of every CSV the app writes. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or
/// a CR: OWASP's CSV-injection rule) gets a leading single quote, so it shows as text; numbers are written as numbers,
/// a negative one included (it is a value, not a formula). Cells with a comma, a quote or a line break are quoted (RFC 4180).
/// </summary>
public static class CsvCell
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A number as a round-trippable invariant literal; empty for none.</summary>
    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A row of text cells joined by commas.</summary>
    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Text));
}
