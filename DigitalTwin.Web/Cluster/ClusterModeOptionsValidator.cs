using System.Net;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Mqtt;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Cluster;

/// <summary>Cluster mode needs what every instance can share: Redis, PostgreSQL and an external broker with a shared subscription.</summary>
public sealed class ClusterModeOptionsValidator(IOptions<MqttOptions> mqtt, IOptions<DatabaseOptions> database) : IValidateOptions<ClusterModeOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterModeOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add("Cluster:Redis is required in cluster mode (the membership table lives there), e.g. \"localhost:6379\".");
        }
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add("Cluster:ClusterId must not be empty.");
        }
        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"Cluster:AdvertisedAddress must be an IP address the other instances can reach; got \"{options.AdvertisedAddress}\".");
        }
        if (options.ProbeTimeout <= TimeSpan.Zero || options.DeviceResyncInterval <= TimeSpan.Zero)
        {
            failures.Add("Cluster:ProbeTimeout and Cluster:DeviceResyncInterval must be positive.");
        }
        if (mqtt.Value.Mode != MqttMode.External || string.IsNullOrWhiteSpace(mqtt.Value.SharedGroup))
        {
            failures.Add("Cluster mode needs Mqtt:Mode External and Mqtt:SharedGroup: devices publish to one broker, and each message must reach exactly one instance.");
        }
        if (database.Value.Provider != DatabaseProvider.Postgres)
        {
            failures.Add("Cluster mode needs Database:Provider Postgres: every instance writes the same history.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
