namespace DigitalTwin.Core.Power;

public sealed class PowerOptions
{
    public const string Section = "Power";

    /// <summary>Import the KEPCO sample files shipped in data/ when the usage table is empty, so a newcomer sees real data.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>The data/ folder; empty to find it next to DigitalTwin.sln (or in the app's output folder).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Largest upload accepted (API request body and UI file), in bytes. Real KEPCO files are ~300 KB a year for every
    /// district; the import holds a file in memory a few times over while parsing, so this bounds its memory.
    /// </summary>
    public long MaxImportBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Problems of a file listed in full in a preview or a refusal; the rest are counted by kind.</summary>
    public int MaxReportedIssues { get; set; } = 100;
}
