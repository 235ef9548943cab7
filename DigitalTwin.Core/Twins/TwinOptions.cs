using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Twins;

public sealed class TwinOptions
{
    public const string Section = "Twins";

    /// <summary>A device that has sent nothing for this long is shown offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class TwinOptionsValidator : IValidateOptions<TwinOptions>
{
    public ValidateOptionsResult Validate(string? name, TwinOptions options) =>
        options.OfflineAfter >= TimeSpan.FromSeconds(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Twins:OfflineAfter must be at least one second.");
}
