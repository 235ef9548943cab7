using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Simulation;

public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public const int MaxCount = 100_000;

    // Past this a tick covers more than a simulated day and the clock would run out of
    // DateTimeOffset range within months of real time.
    public const double MaxTimeScale = 100_000.0;

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Count is < 0 or > MaxCount)
        {
            failures.Add($"Simulator:Count must be between 0 and {MaxCount}; it is {options.Count}.");
        }
        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"Simulator:Interval must be positive; it is {options.Interval}.");
        }
        if (!(options.TimeScale > 0.0 && options.TimeScale <= MaxTimeScale))
        {
            failures.Add($"Simulator:TimeScale must be greater than 0 and at most {MaxTimeScale}; it is {options.TimeScale}.");
        }
        // The prefix becomes a topic level: a slash would split it, wildcards are not allowed in topics.
        if (string.IsNullOrEmpty(options.DevicePrefix) || options.DevicePrefix.AsSpan().IndexOfAny("/+#") >= 0)
        {
            failures.Add("Simulator:DevicePrefix must be non-empty and contain no '/', '+' or '#'.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
