namespace DigitalTwin.Core.Power;

public sealed class PowerOptions
{
    public const string Section = "Power";

    /// <summary>Import the KEPCO sample files shipped in data/ when the usage table is empty, so a newcomer sees real data.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>The data/ folder; empty to find it next to DigitalTwin.sln (or in the app's output folder).</summary>
    public string? DataDirectory { get; set; }
}
