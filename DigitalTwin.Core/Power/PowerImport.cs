namespace DigitalTwin.Core.Power;

/// <summary>One committed import: what file, by whom, and what it changed.</summary>
public sealed class PowerImport
{
    public int Id { get; set; }

    public required string FileName { get; set; }

    /// <summary>Detected format, e.g. "KEPCO wide (시군구)", "KEPCO wide (시도)", "long CSV", "KEPCO open API (JSON)".</summary>
    public required string Format { get; set; }

    /// <summary>Detected encoding: "CP949", "UTF-8", "UTF-8 with BOM" or "XLSX".</summary>
    public required string Encoding { get; set; }

    public required string ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>First and last month in the file, "2024-01".</summary>
    public required string FirstMonth { get; set; }

    public required string LastMonth { get; set; }

    public int Districts { get; set; }

    public int RowsNew { get; set; }

    public int RowsChanged { get; set; }

    public int RowsUnchanged { get; set; }

    public int Warnings { get; set; }
}

/// <summary>A value an import replaced: the audit trail of an overlapping import.</summary>
public sealed class PowerUsageChange
{
    public long Id { get; set; }

    public int ImportId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public required string Sido { get; set; }

    public required string Sigungu { get; set; }

    public required string ContractType { get; set; }

    public long? OldKwh { get; set; }

    public long? NewKwh { get; set; }
}
