using System.Buffers;
using DigitalTwin.Core.Devices;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins;

/// <summary>Hands connection events and status messages from the transports to the device's twin.</summary>
public sealed partial class TwinStatusReporter(IGrainFactory grains, DeviceDirectory directory, ILogger<TwinStatusReporter> logger)
{
    /// <summary>Ignored for devices missing from the directory (unknown, or just deleted): no twin should start for them.</summary>
    public async Task ReportAsync(string deviceId, DeviceStatus status, StatusReason reason)
    {
        if (!directory.Contains(deviceId))
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
    /// <param name="lastWill">
    /// The broker published it as the last will of a connection it is tearing down: an "offline" will is the lost
    /// connection itself, so it says "connection lost" at once rather than "device reported offline".
    /// </param>
    public async Task<bool> ReportMessageAsync(string deviceId, ReadOnlySequence<byte> payload, bool lastWill = false)
    {
        if (StatusTopic.ParsePayload(payload) is not { } reported)
        {
            return false;
        }
        var reason = reported switch
        {
            DeviceStatus.Online => StatusReason.ReportedOnline,
            _ when lastWill => StatusReason.ConnectionLost,
            _ => StatusReason.ReportedOffline,
        };
        await ReportAsync(deviceId, reported, reason);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Status} ({Reason}) to the twin of {DeviceId} failed")]
    private partial void LogFailed(Exception exception, string deviceId, DeviceStatus status, StatusReason reason);
}
