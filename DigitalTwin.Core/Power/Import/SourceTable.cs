namespace DigitalTwin.Core.Power.Import;

/// <summary>One line (CSV), row (XLSX) or record (JSON) of a file; <see cref="Number"/> is what an issue reports.</summary>
internal readonly record struct SourceRow(int Number, string[] Cells)
{
    public string Cell(int index) => index < Cells.Length ? Cells[index] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A file reduced to rows of text cells, whatever its container (CSV, XLSX, JSON).</summary>
internal sealed record SourceTable(string EncodingName, bool IsJson, IReadOnlyList<SourceRow> Rows);
