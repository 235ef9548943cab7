namespace DigitalTwin.Core.Alerts;

/// <summary>
/// One alert transition, as published to in-app listeners. <see cref="Alert"/> is a copy taken at the transition;
/// <see cref="UnacknowledgedCount"/> is the number of active unacknowledged alerts right after it (the bell).
/// </summary>
public sealed record AlertChange(AlertTransition Transition, Alert Alert, DateTimeOffset At, int UnacknowledgedCount, string? By = null);

/// <summary>
/// Pushes every alert transition (pending, active, re-triggered, resolved, cleared, acknowledged, re-notified) to
/// in-process listeners (the Blazor circuits: snackbars, the bell, the alerts page). Listeners must not block: they
/// are called on the engine's thread; they throttle their own re-rendering.
/// </summary>
public interface IAlertFeed
{
    IDisposable Subscribe(Action<AlertChange> onChange);

    void Publish(AlertChange change);
}
