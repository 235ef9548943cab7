namespace DigitalTwin.Core.Twins;

/// <summary>
/// Every twin change, published once by the twin: the status board, the live pages and the API's streams listen here.
/// In one process this is a direct call (<see cref="TwinChangeFeed"/>); in cluster mode the web project's
/// ClusterTwinChangeFeed also forwards each change to the other instances, so each instance's listeners see every twin.
/// </summary>
/// <remarks>Listeners must not block: they get the snapshot on the grain's thread.</remarks>
public interface ITwinChangeFeed
{
    /// <summary>Listen to one device, or to all devices when <paramref name="deviceId"/> is null.</summary>
    IDisposable Subscribe(string? deviceId, Action<TwinSnapshot> onChange);

    void Publish(TwinSnapshot snapshot);
}
