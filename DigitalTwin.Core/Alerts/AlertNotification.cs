namespace DigitalTwin.Core.Alerts;

/// <summary>A transition to tell people about (active, cleared after being active, re-notified), with copies taken at the time.</summary>
public sealed record AlertNotification(AlertTransition Transition, Alert Alert, AlertRule Rule, DateTimeOffset At, bool Silenced);

/// <summary>How one delivery attempt went; <see cref="RetryAfter"/> is the server's wish (429, 503).</summary>
public sealed record DeliveryOutcome(bool Succeeded, int? HttpStatus = null, string? Error = null, TimeSpan? RetryAfter = null, bool Retryable = true)
{
    public static readonly DeliveryOutcome Ok = new(true);
}

/// <summary>A way to notify people: webhooks, e-mail. Each target (a URL, a recipient list) is delivered and retried on its own.</summary>
public interface IAlertChannel
{
    NotificationChannel Channel { get; }

    IReadOnlyList<string> Targets { get; }

    Task<DeliveryOutcome> SendAsync(AlertNotification notification, string target, CancellationToken cancellationToken);
}
