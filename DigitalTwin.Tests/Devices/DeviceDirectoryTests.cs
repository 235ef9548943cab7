using DigitalTwin.Core.Devices;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Tests.Devices;

public sealed class DeviceDirectoryTests
{
    private readonly DeviceDirectory _directory = new(NullLogger<DeviceDirectory>.Instance);

    [Fact]
    public void Stored_ThenChangedThenRemoved_SubscriberSeesEachChangeInOrderWithBeforeAndAfter()
    {
        var changes = new List<DeviceChange>();
        using var subscription = _directory.Subscribe(changes.Add);

        _directory.Stored(Device("d1", "meter"));
        _directory.Stored(Device("d1", "thermometer", "hall"));
        _directory.Removed("d1");

        Assert.Equal([DeviceChangeKind.Added, DeviceChangeKind.Updated, DeviceChangeKind.Removed], changes.Select(c => c.Kind));
        Assert.Equal(("meter", "thermometer"), (changes[1].Before!.Kind, changes[1].After!.Kind));
        Assert.True(changes[1].ChangesTraits);
        Assert.Null(changes[2].After);
        Assert.False(_directory.Contains("d1"));
    }

    [Fact]
    public void Snapshot_TakenBeforeAChange_StaysAsItWas()
    {
        _directory.Stored(Device("d1", "meter"));
        var before = _directory.Snapshot;

        _directory.Stored(Device("d2", "meter"));
        _directory.Removed("d1");

        Assert.Equal(["d1"], before.Keys);
        Assert.Equal(["d2"], _directory.Snapshot.Keys);
    }

    [Fact]
    public void InvalidatesCredentials_RotatedRevokedDeletedYes_RenamedOrFirstSecretNo()
    {
        var changes = new List<DeviceChange>();
        using var subscription = _directory.Subscribe(changes.Add);
        var device = Device("d1", "meter");
        _directory.Stored(device);
        device.SecretSalt = DeviceSecret.NewSalt();
        device.SecretHash = DeviceSecret.Hash("first", device.SecretSalt);
        _directory.Stored(device);
        device.Name = "renamed";
        _directory.Stored(device);
        device.SecretHash = DeviceSecret.Hash("second", device.SecretSalt);
        _directory.Stored(device);
        device.RevokedAt = DateTimeOffset.UnixEpoch;
        _directory.Stored(device);
        _directory.Removed("d1");

        Assert.Equal([false, false, false, true, true, false], changes.Select(c => c.InvalidatesCredentials));
    }

    [Fact]
    public void Subscriber_Throws_OthersStillToldAndTheChangeApplied()
    {
        var told = 0;
        using var failing = _directory.Subscribe(_ => throw new InvalidOperationException("boom"));
        using var counting = _directory.Subscribe(_ => told++);

        _directory.Stored(Device("d1", "meter"));

        Assert.Equal(1, told);
        Assert.True(_directory.Contains("d1"));
    }

    [Fact]
    public void Subscription_Disposed_NoLongerTold()
    {
        var told = 0;
        var subscription = _directory.Subscribe(_ => told++);
        _directory.Stored(Device("d1", "meter"));

        subscription.Dispose();
        _directory.Stored(Device("d2", "meter"));

        Assert.Equal(1, told);
    }

    private static Device Device(string id, string kind, params string[] tags) => new() { Id = id, Kind = kind, Tags = [.. tags] };
}
