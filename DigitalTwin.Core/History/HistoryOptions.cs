using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.History;

public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>Samples older than this (by device timestamp) are deleted; null (the default) keeps everything.</summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most rows one delete statement removes, so ingest never waits long for the database.</summary>
    public int DeleteBatchSize { get; set; } = 5_000;
}

public sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        var errors = new List<string>();
        if (options.DeleteBatchSize <= 0)
        {
            errors.Add($"History:DeleteBatchSize must be positive (was {options.DeleteBatchSize}).");
        }
        if (options.SweepInterval <= TimeSpan.Zero)
        {
            errors.Add($"History:SweepInterval must be positive (was {options.SweepInterval}).");
        }
        if (options.Retention is { } retention && retention <= TimeSpan.Zero)
        {
            errors.Add($"History:Retention must be positive, or empty to keep everything (was {retention}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
