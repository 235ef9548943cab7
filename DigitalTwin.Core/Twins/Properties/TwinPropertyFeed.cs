using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>
/// Every committed change of a device's desired or reported document, published once by <see cref="TwinPropertyStore"/>:
/// the broker (which publishes the desired document downlink) and the device pages listen here.
/// </summary>
public sealed class TwinPropertyFeed(ILogger<TwinPropertyFeed> logger) : DeviceChangeFeed<TwinDocuments>(logger)
{
    protected override string DeviceOf(TwinDocuments change) => change.DeviceId;
}
