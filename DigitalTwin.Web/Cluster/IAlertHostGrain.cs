using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// The one place in the cluster where the alert engine runs (a single grain, key 0): every instance sends it the
/// readings it ingests and people's actions; Orleans keeps one activation, and starts it on another instance when the
/// one hosting it dies. Answers come back once the change is committed, like the engine's own.
/// </summary>
public interface IAlertHostGrain : IGrainWithIntegerKey
{
    Task<AlertCounts> CountsAsync();

    Task ObserveAsync(TelemetryReading[] readings);

    Task<Alert?> AcknowledgeAsync(long alertId, Actor actor, string? comment);

    Task<Alert?> ClearAsync(long alertId, Actor actor, string? reason);

    Task ApplyRuleAsync(AlertRule rule);

    Task RemoveRuleAsync(long ruleId);

    Task AddSilenceAsync(AlertSilence silence);

    Task RemoveSilenceAsync(long silenceId);
}

/// <summary>Open alerts and active unacknowledged ones, as the engine holds them now.</summary>
[GenerateSerializer]
public sealed record AlertCounts([property: Id(0)] int Open, [property: Id(1)] int Unacknowledged);
