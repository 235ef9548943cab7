namespace DigitalTwin.Web.Cluster;

/// <summary>
/// Several instances sharing the work: Orleans membership on Redis, history on PostgreSQL, telemetry from an external
/// broker through a shared subscription (Mqtt:SharedGroup), so each message is processed by exactly one instance.
/// Off by default: one instance, localhost clustering.
/// </summary>
public sealed class ClusterModeOptions
{
    public const string Section = "Cluster";

    public bool Enabled { get; set; }

    /// <summary>Whether the configuration turns cluster mode on, for the registrations that differ before options exist.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue($"{Section}:{nameof(Enabled)}", false);

    /// <summary>The Redis that holds the membership table (StackExchange.Redis configuration string).</summary>
    public string? Redis { get; set; }

    /// <summary>Instances with the same id form one cluster; give a second deployment on the same Redis its own.</summary>
    public string ClusterId { get; set; } = "digitaltwin";

    /// <summary>The address other instances reach this one's silo on.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a silent instance may go unanswered before the others take over its twins.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each instance compares its device directory with the Devices table, in case it missed an announcement.</summary>
    public TimeSpan DeviceResyncInterval { get; set; } = TimeSpan.FromMinutes(1);
}
