using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Largest payload accepted, in bytes; larger ones are refused before parsing.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>How far ahead of the server clock a device timestamp may be (clock drift allowance).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most readings one batch payload (JSON array) may carry.</summary>
    public int MaxReadingsPerMessage { get; set; } = 1000;

    /// <summary>Most distinct metrics one reading may carry.</summary>
    public int MaxMetricsPerReading { get; set; } = 64;

    /// <summary>Most distinct metric names a device may ever report (each is a stored series); more are refused.</summary>
    public int MaxMetricsPerDevice { get; set; } = 256;

    /// <summary>Readings waiting for processing; when full, ingest waits (back-pressure) instead of dropping.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>Most samples the history writer commits in one transaction.</summary>
    public int HistoryBatchSize { get; set; } = 20_000;
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPayloadBytes is < 16 or > 16 * 1024 * 1024)
        {
            failures.Add("Telemetry:MaxPayloadBytes must be between 16 and 16777216.");
        }
        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            failures.Add("Telemetry:MaxFutureSkew must not be negative.");
        }
        if (options.MaxReadingsPerMessage < 1)
        {
            failures.Add("Telemetry:MaxReadingsPerMessage must be at least 1.");
        }
        if (options.MaxMetricsPerReading < 1 || options.MaxMetricsPerDevice < options.MaxMetricsPerReading)
        {
            failures.Add("Telemetry:MaxMetricsPerReading must be at least 1 and Telemetry:MaxMetricsPerDevice at least as large.");
        }
        if (options.QueueCapacity < 1)
        {
            failures.Add("Telemetry:QueueCapacity must be at least 1.");
        }
        if (options.HistoryBatchSize < 1)
        {
            failures.Add("Telemetry:HistoryBatchSize must be at least 1.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
