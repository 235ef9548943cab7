using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Health;

public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long the ingest queue must stay full before /health/ready reports the app unhealthy.</summary>
    public TimeSpan QueueFullFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the queue's depth is sampled (a read of one counter, not a cost per message).</summary>
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(1);
}

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.QueueSampleInterval <= TimeSpan.Zero || options.QueueFullFor < options.QueueSampleInterval
            ? ValidateOptionsResult.Fail("Health:QueueSampleInterval must be positive and Health:QueueFullFor at least as long.")
            : ValidateOptionsResult.Success;
}
