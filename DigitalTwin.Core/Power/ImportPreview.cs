namespace DigitalTwin.Core.Power;

public enum ImportSeverity
{
    Warning,
    Error,
}

/// <summary>One problem in an uploaded file, located precisely enough to fix it in a spreadsheet.</summary>
/// <param name="Row">1-based line (CSV) or row (XLSX) in the file; null for a file-level problem.</param>
public sealed record ImportIssue(ImportSeverity Severity, string File, int? Row, string? Column, string? Value, string Message);

/// <summary>What committing a parsed file would do. Nothing is written until <see cref="PowerImportService.CommitAsync"/>.</summary>
public sealed record ImportPreview(
    Guid Id,
    string FileName,
    string Format,
    string Encoding,
    IReadOnlyList<YearMonth> Months,
    int Districts,
    int RowsNew,
    int RowsChanged,
    int RowsUnchanged,
    IReadOnlyList<ImportIssue> Issues)
{
    public bool CanCommit => Issues.All(i => i.Severity != ImportSeverity.Error);
}

public sealed record ImportResult(int ImportId, int RowsNew, int RowsChanged, int RowsUnchanged);
