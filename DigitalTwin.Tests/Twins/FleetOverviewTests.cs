using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Tests.Twins;

/// <summary>Overview's counts and pages, kept by the status board as twins change, against a walk of the whole fleet.</summary>
public sealed class FleetOverviewTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly DeviceDirectory _devices = new(NullLogger<DeviceDirectory>.Instance);
    private readonly TwinChangeFeed _feed = new(NullLogger<TwinChangeFeed>.Instance);
    private readonly DeviceStatusBoard _board;
    private readonly FleetOverview _fleet;

    public FleetOverviewTests()
    {
        _board = new DeviceStatusBoard(_feed);
        _fleet = new FleetOverview(_devices, _board);
    }

    [Fact]
    public void Counts_FollowTwinChangesAndDeletes()
    {
        _devices.Load(Enumerable.Range(0, 10).Select(i => new Device { Id = $"d{i}" }));
        Publish("d1", DeviceStatus.Online);
        Publish("d2", DeviceStatus.Online);
        Publish("d3", DeviceStatus.Offline);
        Publish("d2", DeviceStatus.Offline); // a change of status moves the device, it does not add one

        Assert.Equal(Walk(), _fleet.Counts());
        Assert.Equal((1, 2, 7), Tally());

        _devices.Removed("d1");
        _feed.Publish(TwinSnapshot.Empty("d1")); // the twin of a deleted device resets

        Assert.Equal(Walk(), _fleet.Counts());
        Assert.Equal((0, 2, 7), Tally());
    }

    [Fact]
    public void PageIds_AllPages_SeenDevicesFirstThenTheRestEachInIdOrderEachOnce()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 53).Select(i => $"dev-{random.Next(1000):000}-{i}").ToList();
        _devices.Load(ids.Select(id => new Device { Id = id }));
        foreach (var id in ids.Where(_ => random.Next(3) == 0))
        {
            Publish(id, random.Next(2) == 0 ? DeviceStatus.Online : DeviceStatus.Offline);
        }
        const int size = 5;

        var pages = Enumerable.Range(1, _fleet.PageCount(size)).Select(p => _fleet.PageIds(p, size)).ToList();

        var expected = ids.OrderBy(id => !_board.Has(id)).ThenBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(size, p.Count));
    }

    public void Dispose() => _board.Dispose();

    private void Publish(string id, DeviceStatus status) =>
        _feed.Publish(new TwinSnapshot(id, status, Now, new Dictionary<string, TwinMetric>(), 1, StatusReason.DataReceived, Now));

    private (int Online, int Offline, int Unknown) Tally()
    {
        var counts = _fleet.Counts();
        return (counts[DeviceStatus.Online], counts[DeviceStatus.Offline], counts[DeviceStatus.Unknown]);
    }

    /// <summary>What Overview computed before the board kept counts: every registered device's status, walked.</summary>
    private Dictionary<DeviceStatus, int> Walk() => Enum.GetValues<DeviceStatus>().ToDictionary(
        s => s, s => _devices.Snapshot.Keys.Count(id => _board.Get(id).Status == s));
}
