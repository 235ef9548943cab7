namespace DigitalTwin.Core.Twins;

/// <summary>
/// Pushes every twin change to in-process listeners (the Blazor circuits).
/// Subscribers must not block: they get the snapshot on the grain's thread.
/// </summary>
public interface ITwinChangeFeed
{
    /// <summary>Listen to one device, or to all devices when <paramref name="deviceId"/> is null.</summary>
    IDisposable Subscribe(string? deviceId, Action<TwinSnapshot> onChange);

    /// <summary>Whether anyone listens to this device, so a twin can skip building a snapshot nobody reads.</summary>
    bool HasListeners(string deviceId);

    void Publish(TwinSnapshot snapshot);
}
