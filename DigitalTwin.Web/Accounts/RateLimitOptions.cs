using System.ComponentModel.DataAnnotations;

namespace DigitalTwin.Web.Accounts;

/// <summary>Settings under <c>RateLimits</c>: how many requests each limit lets through before answering 429.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (sign-in page posts and POST /api/auth/token) per client address and minute.</summary>
    [Range(1, int.MaxValue)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Requests a personal API token may make at once before it must wait for <see cref="ApiTokenPerSecond"/>.</summary>
    [Range(1, int.MaxValue)]
    public int ApiTokenBurst { get; set; } = 300;

    /// <summary>Requests per second a personal API token may sustain (its bucket refills at this rate).</summary>
    [Range(1, int.MaxValue)]
    public int ApiTokenPerSecond { get; set; } = 100;

    /// <summary>Telemetry posts one device may make at once (POST /api/devices/{id}/telemetry).</summary>
    [Range(1, int.MaxValue)]
    public int TelemetryBurst { get; set; } = 1000;

    /// <summary>Telemetry posts per second one device may sustain. A real device posts every few seconds.</summary>
    [Range(1, int.MaxValue)]
    public int TelemetryPerSecond { get; set; } = 100;
}
