using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Tests.Telemetry;

public sealed class TelemetryTopicTests
{
    [Theory]
    [InlineData("devices/it-1/telemetry", "it-1")]
    [InlineData("devices/thermo.2:a_b/telemetry", "thermo.2:a_b")]
    [InlineData("devices/bad id/telemetry", "bad id")]
    public void TryParse_TelemetryTopic_ReturnsDeviceId(string topic, string deviceId)
    {
        Assert.True(TelemetryTopic.TryParse(topic, out var parsed));
        Assert.Equal(deviceId, parsed);
    }

    [Theory]
    [InlineData("devices/it-1/status")]
    [InlineData("devices/it-1/telemetry/extra")]
    [InlineData("devices/a/b/telemetry")]
    [InlineData("devices/telemetry")]
    [InlineData("Devices/it-1/telemetry")]
    [InlineData("devices/it-1/Telemetry")]
    [InlineData("other/it-1/telemetry")]
    [InlineData("/devices/it-1/telemetry")]
    [InlineData("")]
    public void TryParse_OtherTopic_ReturnsFalse(string topic)
    {
        Assert.False(TelemetryTopic.TryParse(topic, out _));
    }

    [Fact]
    public void TryParse_EmptyDeviceSegment_LeavesValidationToIngest()
    {
        // The shape matches; the empty id is then refused by DeviceId.IsValid in the ingestor.
        Assert.True(TelemetryTopic.TryParse("devices//telemetry", out var deviceId));
        Assert.False(DeviceId.IsValid(deviceId));
    }

    [Fact]
    public void For_DeviceId_RoundTripsThroughTryParse()
    {
        var topic = TelemetryTopic.For("it-1");

        Assert.Equal("devices/it-1/telemetry", topic);
        Assert.True(TelemetryTopic.TryParse(topic, out var deviceId));
        Assert.Equal("it-1", deviceId);
    }
}

public sealed class DeviceIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("it-1")]
    [InlineData("thermo_2.floor:3")]
    [InlineData("A-Z")]
    public void IsValid_SafeId_ReturnsTrue(string id)
    {
        Assert.True(DeviceId.IsValid(id));
    }

    [Fact]
    public void IsValid_MaxLength_ReturnsTrue()
    {
        Assert.True(DeviceId.IsValid(new string('d', DeviceId.MaxLength)));
    }

    [Fact]
    public void IsValid_OverMaxLength_ReturnsFalse()
    {
        Assert.False(DeviceId.IsValid(new string('d', DeviceId.MaxLength + 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("bad id")]
    [InlineData("-leading-dash")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a+b")]
    [InlineData("a#")]
    [InlineData("café")]
    [InlineData("it-1\n")]
    [InlineData("it-1\r\n")]
    [InlineData("\nit-1")]
    public void IsValid_UnsafeId_ReturnsFalse(string? id)
    {
        Assert.False(DeviceId.IsValid(id));
    }
}

public sealed class MetricNameTests
{
    [Theory]
    [InlineData("temperature")]
    [InlineData("_private")]
    [InlineData("co2.ppm")]
    [InlineData("rssi-dbm")]
    public void IsValid_GoodName_ReturnsTrue(string name)
    {
        Assert.True(MetricName.IsValid(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("ts value")]
    [InlineData("temperature\n")]
    public void IsValid_BadName_ReturnsFalse(string name)
    {
        Assert.False(MetricName.IsValid(name));
    }
}
