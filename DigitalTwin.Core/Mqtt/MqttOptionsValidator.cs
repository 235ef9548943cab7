using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Mqtt;

/// <summary>Checked at start, so a wrong setting stops the app with the key's name instead of failing on the first device.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    /// <summary>MQTT's largest remaining length (a four-byte variable integer) plus the fixed header.</summary>
    public const int LargestPacket = 268_435_455 + 5;

    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Range(failures, "Mqtt:Port", options.Port, 0, 65_535);
        if (options.Mode == MqttMode.Embedded)
        {
            ValidateEmbedded(options, failures);
        }
        if (options.SharedGroup is { } group && (group.Length == 0 || group.IndexOfAny(['/', '+', '#']) >= 0))
        {
            failures.Add($"Mqtt:SharedGroup must be a name without '/', '+' or '#' (MQTT 5 share names); it is '{group}'.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEmbedded(MqttOptions options, List<string> failures)
    {
        Range(failures, "Mqtt:MaxPacketSize", options.MaxPacketSize, 1_024, LargestPacket);
        Range(failures, "Mqtt:MaxConnections", options.MaxConnections, 1, int.MaxValue);
        Range(failures, "Mqtt:MaxConnectionsPerAddress", options.MaxConnectionsPerAddress, 1, int.MaxValue);
        Range(failures, "Mqtt:MaxPendingConnections", options.MaxPendingConnections, 1, int.MaxValue);
        // MQTT 3.1.1 servers must accept client ids of 23 characters; 65,535 is the protocol's own limit.
        Range(failures, "Mqtt:MaxClientIdLength", options.MaxClientIdLength, 23, 65_535);
        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Mqtt:ConnectTimeout must be positive; it is {options.ConnectTimeout}.");
        }
        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"Mqtt:BindAddress must be an IP address; it is '{options.BindAddress}'.");
        }
        if (options.Tls.Enabled)
        {
            Range(failures, "Mqtt:Tls:Port", options.Tls.Port, 0, 65_535);
            if (options.AllowPlainText && options.Tls.Port == options.Port && options.Port != 0)
            {
                failures.Add($"Mqtt:Tls:Port and Mqtt:Port must differ while Mqtt:AllowPlainText is on; both are {options.Port}.");
            }
            if (ServerCertificate.Check(options.Tls) is { } problem)
            {
                failures.Add(problem);
            }
        }
        else if (!options.AllowPlainText)
        {
            failures.Add("Mqtt:AllowPlainText is false but Mqtt:Tls:CertificatePath is not set: the broker would not listen at all.");
        }
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max}; it is {value}.");
        }
    }
}
