namespace DigitalTwin.Core.Power;

public enum ImportSeverity
{
    Warning,
    Error,
}

/// <summary>What an import problem is about, so a file with 200,000 of them is summed up by kind.</summary>
public enum ImportIssueKind
{
    Other,
    TooLarge,
    Unreadable,
    UnknownLayout,
    Header,
    NoRows,
    Truncated,
    NotANumber,
    OutOfRange,
    NotAMonth,
    UnknownSido,
    UnknownContractType,
    EmptyDistrict,
    ImplausibleDistrict,
    Duplicate,
    NegativeValue,
    ImplausibleValue,
    TotalMismatch,
    NewDistrict,
}

/// <summary>One problem in an uploaded file, located precisely enough to fix it in a spreadsheet.</summary>
/// <param name="Row">1-based line (CSV) or row (XLSX) in the file; null for a file-level problem.</param>
public sealed record ImportIssue(ImportSeverity Severity, string File, int? Row, string? Column, string? Value, string Message,
    ImportIssueKind Kind = ImportIssueKind.Other);

/// <summary>How many problems of a kind the file has, listed or not.</summary>
public sealed record ImportIssueCount(ImportSeverity Severity, ImportIssueKind Kind, int Count);

/// <summary>What committing a parsed file would do. Nothing is written until <see cref="PowerImportService.CommitAsync"/>.</summary>
/// <param name="Issues">The first problems in full (Power:MaxReportedIssues); <paramref name="IssueCounts"/> counts them all.</param>
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
    IReadOnlyList<ImportIssue> Issues,
    IReadOnlyList<ImportIssueCount>? IssueCounts = null)
{
    public int ErrorCount => Count(ImportSeverity.Error);

    public int WarningCount => Count(ImportSeverity.Warning);

    /// <summary>Whether more problems were found than <see cref="Issues"/> lists.</summary>
    public bool IssuesTruncated => ErrorCount + WarningCount > Issues.Count;

    public bool CanCommit => ErrorCount == 0;

    private int Count(ImportSeverity severity) => IssueCounts is { } counts
        ? counts.Where(c => c.Severity == severity).Sum(c => c.Count)
        : Issues.Count(i => i.Severity == severity);
}

public sealed record ImportResult(int ImportId, int RowsNew, int RowsChanged, int RowsUnchanged);
