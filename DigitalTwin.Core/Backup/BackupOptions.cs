using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Backup;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups are written; empty for a "backups" folder beside the SQLite database.</summary>
    public string? Directory { get; set; }

    /// <summary>How many backups to keep there; the oldest beyond this are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options) =>
        options.Keep < 1
            ? ValidateOptionsResult.Fail("Backup:Keep must be at least 1.")
            : ValidateOptionsResult.Success;
}
