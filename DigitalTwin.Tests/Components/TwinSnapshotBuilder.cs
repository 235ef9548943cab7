using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Tests.Components;

/// <summary>Builds <see cref="TwinSnapshot"/>s for component tests.</summary>
public sealed class TwinSnapshotBuilder
{
    private readonly Dictionary<string, TwinMetric> _metrics = [];
    private string _deviceId = "thermo-001";
    private DeviceStatus _status = DeviceStatus.Online;
    private DateTimeOffset? _lastSeen = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    public TwinSnapshotBuilder WithId(string deviceId)
    {
        _deviceId = deviceId;
        return this;
    }

    public TwinSnapshotBuilder WithStatus(DeviceStatus status)
    {
        _status = status;
        return this;
    }

    public TwinSnapshotBuilder LastSeenAt(DateTimeOffset? lastSeen)
    {
        _lastSeen = lastSeen;
        return this;
    }

    public TwinSnapshotBuilder WithMetric(string name, double value)
    {
        _metrics[name] = new TwinMetric(value, _lastSeen ?? DateTimeOffset.UnixEpoch);
        return this;
    }

    public TwinSnapshot Build() => new(_deviceId, _status, _lastSeen, new Dictionary<string, TwinMetric>(_metrics), 1);
}
