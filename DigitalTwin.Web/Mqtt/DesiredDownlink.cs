using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins.Properties;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// Publishes each device's desired document to devices/{id}/desired, retained with QoS 1, so a device that connects
/// later still gets the newest one: after every committed change, for every stored document when the broker starts
/// (the embedded broker keeps retained messages in memory only) or the external broker connection comes back, and an
/// empty retained message (which deletes it) when the device is deleted. The transport says how to publish.
/// </summary>
/// <remarks>
/// The payload is the whole document with its "$version" (like an IoT Hub twin's desired properties), so a device
/// that reads two in the wrong order keeps the newer. Publishes are serialized and a version is never published after
/// a newer one.
/// </remarks>
public sealed partial class DesiredDownlink(
    TwinPropertyStore store, TwinPropertyFeed feed, DeviceDirectory directory, ILogger<DesiredDownlink> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, long> _published = new(StringComparer.Ordinal);
    private Func<MqttApplicationMessage, Task>? _publish;
    private IDisposable? _feedSubscription;
    private IDisposable? _directorySubscription;

    /// <summary>From now on, publishes each change through <paramref name="publish"/> (the transport's).</summary>
    public void Start(Func<MqttApplicationMessage, Task> publish)
    {
        _publish = publish;
        // Only changes committed here: the instance that committed a change publishes it.
        _feedSubscription ??= feed.Subscribe(d => _ = PublishAsync(d, force: false), withPeers: false);
        _directorySubscription ??= directory.Subscribe(OnDeviceChanged);
    }

    /// <summary>Every stored desired document again: after the broker starts, or the connection to it comes back.</summary>
    public async Task RepublishAsync(CancellationToken cancellationToken)
    {
        foreach (var documents in await store.ListDesiredAsync(cancellationToken))
        {
            await PublishAsync(documents, force: true);
        }
    }

    public static MqttApplicationMessage Message(TwinDocuments documents)
    {
        var payload = new JsonObject { [TwinPatch.VersionKey] = documents.DesiredVersion };
        foreach (var (key, value) in documents.Desired)
        {
            payload[key] = value?.DeepClone();
        }
        return Retained(documents.DeviceId, Encoding.UTF8.GetBytes(JsonMergePatch.ToText(payload)));
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _feedSubscription, null)?.Dispose();
        Interlocked.Exchange(ref _directorySubscription, null)?.Dispose();
    }

    private static MqttApplicationMessage Retained(string deviceId, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(TwinPropertyTopics.Desired(deviceId))
        .WithPayload(payload)
        .WithContentType("application/json")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithRetainFlag()
        .Build();

    private void OnDeviceChanged(DeviceChange change)
    {
        if (change.Kind == DeviceChangeKind.Removed)
        {
            _ = SendAsync(change.DeviceId, () => _published.TryRemove(change.DeviceId, out _) ? Retained(change.DeviceId, []) : null);
        }
    }

    private Task PublishAsync(TwinDocuments documents, bool force) =>
        SendAsync(documents.DeviceId, () =>
        {
            if (documents.DesiredVersion == 0
                || (!force && _published.TryGetValue(documents.DeviceId, out var published) && published >= documents.DesiredVersion))
            {
                return null;
            }
            _published[documents.DeviceId] = documents.DesiredVersion;
            return Message(documents);
        });

    /// <summary>One at a time: <paramref name="decide"/> (null: nothing to send) and the publish happen under one gate, so versions go out in order.</summary>
    private async Task SendAsync(string deviceId, Func<MqttApplicationMessage?> decide)
    {
        if (_publish is not { } publish)
        {
            return;
        }
        await _gate.WaitAsync();
        try
        {
            if (decide() is { } message)
            {
                await publish(message);
            }
        }
        catch (Exception ex)
        {
            // The broker is stopping, or the external one is unreachable: its reconnect publishes every document again.
            LogPublishFailed(ex, deviceId);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the desired document of {DeviceId} failed")]
    private partial void LogPublishFailed(Exception exception, string deviceId);
}
