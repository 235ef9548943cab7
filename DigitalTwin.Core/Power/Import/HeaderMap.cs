namespace DigitalTwin.Core.Power.Import;

/// <summary>Column positions of a format whose columns are found by name (long CSV, open-API records).</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _columns;

    private HeaderMap(Dictionary<string, int> columns, IReadOnlyList<string> names, int required)
    {
        _columns = columns;
        Names = names;
        Required = required;
    }

    /// <summary>The header's cells, trimmed: what issues call the columns.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many cells a row needs to hold every required column.</summary>
    public int Required { get; }

    public int this[string name] => _columns[name];

    public int? Optional(string name) => _columns.TryGetValue(name, out var index) ? index : null;

    /// <summary>
    /// Each entry of <paramref name="required"/> lists a column's accepted names (e.g. "cntr" or "biz"); the first
    /// name is its key. Null, with one error per missing column, when a required column is absent.
    /// </summary>
    public static HeaderMap? Create(SourceRow header, ParseContext context, IReadOnlyList<string[]> required, IReadOnlyList<string> optional)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            positions.TryAdd(FormatDetector.Compact(header.Cells[i]), i);
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var names in required)
        {
            var found = names.Select(n => positions.TryGetValue(n, out var p) ? p : -1).FirstOrDefault(p => p >= 0, -1);
            if (found < 0)
            {
                context.Error(header.Number, names[0], null,
                    ImportMessages.MissingColumn.Format(string.Join("' or '", names), string.Join(",", header.Cells)), ImportIssueKind.Header);
                ok = false;
                continue;
            }
            columns[names[0]] = found;
        }
        foreach (var name in optional)
        {
            if (positions.TryGetValue(name, out var p))
            {
                columns[name] = p;
            }
        }
        if (!ok)
        {
            return null;
        }
        var required1 = required.Max(names => columns[names[0]]) + 1;
        var headerNames = header.Cells.Select((c, i) => c.Trim().Length > 0 ? c.Trim() : $"column {i + 1}").ToArray();
        return new HeaderMap(columns, headerNames, required1);
    }
}
