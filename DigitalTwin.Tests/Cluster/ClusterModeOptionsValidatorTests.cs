using DigitalTwin.Core.Data;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Web.Cluster;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.Cluster;

public sealed class ClusterModeOptionsValidatorTests
{
    [Fact]
    public void Enabled_WithoutWhatInstancesShare_NamesEachMissingSetting()
    {
        var result = Validate(new ClusterModeOptions { Enabled = true, AdvertisedAddress = "not-an-ip" }, new MqttOptions(), DatabaseProvider.Sqlite);

        Assert.True(result.Failed);
        var failures = string.Join("\n", result.Failures!);
        Assert.Contains("Cluster:Redis", failures, StringComparison.Ordinal);
        Assert.Contains("Cluster:AdvertisedAddress", failures, StringComparison.Ordinal);
        Assert.Contains("Mqtt:SharedGroup", failures, StringComparison.Ordinal);
        Assert.Contains("Database:Provider Postgres", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_WithRedisPostgresAndASharedSubscription_Passes()
    {
        var mqtt = new MqttOptions { Mode = MqttMode.External, SharedGroup = "digitaltwin" };

        Assert.True(Validate(new ClusterModeOptions { Enabled = true, Redis = "localhost:6379" }, mqtt, DatabaseProvider.Postgres).Succeeded);
    }

    [Fact]
    public void Disabled_NothingRequired() =>
        Assert.True(Validate(new ClusterModeOptions(), new MqttOptions(), DatabaseProvider.Sqlite).Succeeded);

    [Theory]
    [InlineData("a/b")]
    [InlineData("group+")]
    [InlineData("")]
    public void SharedGroup_NotAValidShareName_Refused(string group)
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Mode = MqttMode.External, SharedGroup = group });

        Assert.True(result.Failed);
        Assert.Contains("Mqtt:SharedGroup", string.Join("\n", result.Failures!), StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(ClusterModeOptions cluster, MqttOptions mqtt, DatabaseProvider provider) =>
        new ClusterModeOptionsValidator(Options.Create(mqtt), Options.Create(new DatabaseOptions { Provider = provider })).Validate(null, cluster);
}
