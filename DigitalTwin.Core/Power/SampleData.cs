namespace DigitalTwin.Core.Power;

/// <summary>Finds the repository's data/ folder from wherever the app runs (bin/…, tests, bench).</summary>
public static class SampleData
{
    public const string SolutionFile = "DigitalTwin.sln";

    public static string? FindDirectory(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                var data = Path.Combine(directory.FullName, "data");
                return Directory.Exists(data) ? data : null;
            }
        }
        // A published app without the repository: data/ copied next to the binaries.
        var copied = Path.Combine(AppContext.BaseDirectory, "data");
        return Directory.Exists(copied) ? copied : null;
    }
}
