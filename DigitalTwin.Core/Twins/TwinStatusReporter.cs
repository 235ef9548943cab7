using System.Buffers;
using DigitalTwin.Core.Devices;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins;

/// <summary>Hands connection events and status messages from the transports to the device's twin.</summary>
public sealed partial class TwinStatusReporter(IGrainFactory grains, DeviceCatalog catalog, ILogger<TwinStatusReporter> logger)
{
    /// <summary>Ignored for devices missing from the catalog (unknown, or just deleted): no twin should start for them.</summary>
    public async Task ReportAsync(string deviceId, DeviceStatus status, StatusReason reason)
    {
        if (!catalog.Contains(deviceId))
        {
            return;
        }
        try
        {
            await grains.GetGrain<ITwinGrain>(deviceId).ReportStatusAsync(status, reason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next event or reading sets the status again.
            LogFailed(ex, deviceId, status, reason);
        }
    }

    /// <summary>A message on devices/{id}/status; false (and ignored) when its payload is neither online nor offline.</summary>
    public async Task<bool> ReportMessageAsync(string deviceId, ReadOnlySequence<byte> payload)
    {
        if (StatusTopic.ParsePayload(payload) is not { } reported)
        {
            return false;
        }
        await ReportAsync(deviceId, reported, reported == DeviceStatus.Online ? StatusReason.ReportedOnline : StatusReason.ReportedOffline);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Status} ({Reason}) to the twin of {DeviceId} failed")]
    private partial void LogFailed(Exception exception, string deviceId, DeviceStatus status, StatusReason reason);
}
