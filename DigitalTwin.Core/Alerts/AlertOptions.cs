namespace DigitalTwin.Core.Alerts;

/// <summary>Settings of the alert engine and its notifications (section <c>Alerts</c>).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Where people reach the app: links in webhooks and e-mails are built on it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>URLs that receive a JSON POST for every alert that becomes active, clears or is re-notified.</summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>Attempts per webhook or e-mail delivery, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Back-off before the second attempt; doubled for each further one, with up to 20 % jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, also for a 429's Retry-After.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often pending periods, no-data timers and re-notify intervals are checked.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Alert writes waiting for the database before evaluation waits.</summary>
    public int WriteQueueCapacity { get; set; } = 10_000;

    /// <summary>Notifications waiting to be sent; beyond that new ones are counted as dropped (evaluation never waits for them).</summary>
    public int NotificationQueueCapacity { get; set; } = 10_000;

    /// <summary>Deliveries in flight at once (a slow webhook does not hold up the others).</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>The language of e-mails and of the webhook's <c>text</c>: "en" (default) or "ko", the same for every recipient.</summary>
    public string NotificationCulture { get; set; } = "en";

    public AlertEmailOptions Email { get; set; } = new();
}

public enum SmtpSecurity
{
    /// <summary>TLS when the server offers it (STARTTLS), or implicit TLS on port 465.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>E-mail notifications over SMTP (section <c>Alerts:Email</c>).</summary>
public sealed class AlertEmailOptions
{
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public List<string> To { get; set; } = [];
}
