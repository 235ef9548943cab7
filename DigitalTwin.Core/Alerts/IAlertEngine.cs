using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// What the alert services ask of the alert state machine. With one instance it is <see cref="AlertEngine"/> itself; in
/// cluster mode the engine runs on one instance and the others reach it through the cluster (the web project's
/// ClusterAlertEngine), so an alert opens, notifies and clears once however many instances take readings.
/// </summary>
public interface IAlertEngine : IReadingObserver
{
    /// <summary>Active alerts nobody has acknowledged (the bell).</summary>
    int UnacknowledgedCount { get; }

    ValueTask<int> OpenCountAsync();

    /// <summary>The rule as the engine applies it now, when this instance knows; null otherwise.</summary>
    AlertRule? Rule(long ruleId);

    /// <summary>An open alert, or one whose last write may not be committed yet, when this instance holds it; null otherwise.</summary>
    Alert? Find(long alertId);

    /// <summary>The live copy of an alert when this instance holds one, else the stored one.</summary>
    Alert Current(Alert stored);

    DateTimeOffset? SilencedUntil(long ruleId, DateTimeOffset now);

    ValueTask<PersonAction?> AcknowledgeAsync(long alertId, Actor actor, string? comment, CancellationToken cancellationToken = default);

    ValueTask<PersonAction?> ClearAsync(long alertId, Actor actor, string? reason, CancellationToken cancellationToken = default);

    ValueTask ApplyRuleAsync(AlertRule rule, CancellationToken cancellationToken = default);

    ValueTask RemoveRuleAsync(long ruleId, CancellationToken cancellationToken = default);

    ValueTask AddSilenceAsync(AlertSilence silence);

    ValueTask RemoveSilenceAsync(long silenceId);
}
