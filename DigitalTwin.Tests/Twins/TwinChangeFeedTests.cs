using DigitalTwin.Core.Twins;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Tests.Twins;

public sealed class TwinChangeFeedTests
{
    private readonly TwinChangeFeed _feed = new(NullLogger<TwinChangeFeed>.Instance);

    [Fact]
    public void Publish_DeviceAndAllListeners_EachGetsTheSnapshotOnce()
    {
        var received = new List<string>();
        using var one = _feed.Subscribe("t-1", s => received.Add("device:" + s.DeviceId));
        using var all = _feed.Subscribe(null, s => received.Add("all:" + s.DeviceId));

        _feed.Publish(TwinSnapshot.Empty("t-1"));
        _feed.Publish(TwinSnapshot.Empty("t-2"));

        Assert.Equal(["all:t-1", "device:t-1", "all:t-2"], received);
    }
}
