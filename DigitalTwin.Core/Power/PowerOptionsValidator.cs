using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Power;

internal sealed class PowerOptionsValidator : IValidateOptions<PowerOptions>
{
    public ValidateOptionsResult Validate(string? name, PowerOptions options)
    {
        var errors = new List<string>();
        if (options.MaxImportBytes is < 1024 or > 1L << 30)
        {
            errors.Add($"Power:MaxImportBytes must be from 1024 to 1073741824 (was {options.MaxImportBytes}).");
        }
        if (options.MaxReportedIssues is < 1 or > 100_000)
        {
            errors.Add($"Power:MaxReportedIssues must be from 1 to 100000 (was {options.MaxReportedIssues}).");
        }
        if (!string.IsNullOrWhiteSpace(options.DataDirectory) && !Directory.Exists(options.DataDirectory))
        {
            errors.Add($"Power:DataDirectory '{options.DataDirectory}' does not exist; leave it empty to use the data/ folder shipped with the app.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
