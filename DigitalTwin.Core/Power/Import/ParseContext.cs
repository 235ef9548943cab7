using System.Globalization;

namespace DigitalTwin.Core.Power.Import;

/// <summary>What every parser shares: the issues found so far, the canonical names, and progress.</summary>
internal sealed class ParseContext(string fileName, IProgress<double>? progress, double progressFrom, double progressTo, int maxIssues = int.MaxValue)
{
    private const int ProgressEvery = 2_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string FileName { get; } = fileName;

    /// <summary>The first issues in full, and counts of every one.</summary>
    public IssueTally Tally { get; } = new(maxIssues);

    /// <summary>Every issue found so far, listed or not.</summary>
    public int IssueCount => Tally.Total;

    public List<ParsedUsage> Rows { get; } = [];

    /// <summary>The column that names the district in this format, for duplicate-district errors.</summary>
    public string DistrictColumn { get; set; } = "시군구";

    public bool HasErrors => Tally.HasErrors;

    public void Error(int? row, string? column, string? value, string message, ImportIssueKind kind) =>
        Tally.Add(new ImportIssue(ImportSeverity.Error, FileName, row, column, Shorten(value), message, kind));

    public void Warning(int? row, string? column, string? value, string message, ImportIssueKind kind) =>
        Tally.Add(new ImportIssue(ImportSeverity.Warning, FileName, row, column, Shorten(value), message, kind));

    /// <summary>A cell is quoted in an issue to find it, not to copy it: a megabyte cell must not make a megabyte report.</summary>
    public static string? Shorten(string? value) =>
        value is { Length: > 100 } ? string.Create(CultureInfo.InvariantCulture, $"{value[..100]}… ({value.Length:N0} characters)") : value;

    /// <summary>The 시군구 of a row, spaces normalized; null with an error when it is empty or cannot be a district name.</summary>
    public string? Sigungu(SourceRow row, int index, string column)
    {
        var raw = row.Cell(index);
        var name = RegionAliases.NormalizeSpaces(raw);
        if (name.Length == 0)
        {
            Error(row.Number, column, raw, ImportMessages.EmptyCell.Format(column), ImportIssueKind.EmptyDistrict);
            return null;
        }
        return PlausibleDistrict(row, index, column, name) ? name : null;
    }

    /// <summary>False, with an error naming the problem, when a 시군구 name is implausible (see <see cref="DistrictName"/>).</summary>
    public bool PlausibleDistrict(SourceRow row, int index, string column, string name)
    {
        if (DistrictName.Problem(row.Cell(index), name) is not { } problem)
        {
            return true;
        }
        Error(row.Number, column, row.Cell(index), problem, ImportIssueKind.ImplausibleDistrict);
        return false;
    }

    /// <summary>Hundreds of thousands of rows repeat a few hundred names; share one string each.</summary>
    public string Intern(string text)
    {
        if (!_strings.TryGetValue(text, out var shared))
        {
            _strings[text] = shared = text;
        }
        return shared;
    }

    public void ReportRow(int index, int count)
    {
        if (progress is not null && count > 0 && index % ProgressEvery == 0)
        {
            progress.Report(progressFrom + (progressTo - progressFrom) * index / count);
        }
    }

    /// <summary>Canonical 시도, or an error (unknown 시도) and null.</summary>
    public string? Sido(SourceRow row, int index, string column)
    {
        var raw = row.Cell(index);
        if (RegionAliases.TryCanonicalSido(raw, out var sido))
        {
            return sido;
        }
        Error(row.Number, column, raw, ImportMessages.UnknownSido.Format(raw.Trim()), ImportIssueKind.UnknownSido);
        return null;
    }

    public string? ContractType(SourceRow row, int index, string column)
    {
        var raw = row.Cell(index);
        if (Power.ContractTypes.Normalize(raw) is { } type)
        {
            return type;
        }
        Error(row.Number, column, raw, ImportMessages.UnknownContractType.Format(raw.Trim(), string.Join(", ", Power.ContractTypes.All)), ImportIssueKind.UnknownContractType);
        return null;
    }

    /// <summary>A KEPCO number (" 25,002,325 ", "-" for none); false with an error for text.</summary>
    public bool Number(SourceRow row, int index, string column, out long? value)
    {
        var raw = row.Cell(index);
        if (CellParser.TryParseNumber(raw, out value))
        {
            return true;
        }
        Error(row.Number, column, raw, ImportMessages.NotANumber.Format(raw.Trim()), ImportIssueKind.NotANumber);
        return false;
    }

    public bool Integer(SourceRow row, int index, string column, int min, int max, out int value)
    {
        var raw = row.Cell(index);
        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }
        Error(row.Number, column, raw, ImportMessages.OutOfRange.Format(raw.Trim(), min, max), ImportIssueKind.OutOfRange);
        return false;
    }

    /// <summary>A row shorter than the header: the file was cut off (or a cell is missing).</summary>
    public bool Complete(SourceRow row, IReadOnlyList<string> header, int required)
    {
        if (row.Cells.Length >= required)
        {
            return true;
        }
        var missing = header[row.Cells.Length];
        Error(row.Number, missing, null, ImportMessages.Truncated.Format(row.Cells.Length, required, missing), ImportIssueKind.Truncated);
        return false;
    }
}
