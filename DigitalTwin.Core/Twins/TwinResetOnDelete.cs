using DigitalTwin.Core.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Resets the live twin of a deleted device, so a device re-created with the same id does not show the old values
/// until the grain would have been collected.
/// </summary>
public sealed partial class TwinResetOnDelete(DeviceCatalog catalog, IGrainFactory grains, ILogger<TwinResetOnDelete> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Removed += OnRemoved;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Removed -= OnRemoved;
        return Task.CompletedTask;
    }

    private void OnRemoved(string deviceId) => _ = ResetAsync(deviceId);

    private async Task ResetAsync(string deviceId)
    {
        try
        {
            await grains.GetGrain<ITwinGrain>(deviceId).ResetAsync();
        }
        catch (Exception ex)
        {
            LogResetFailed(ex, deviceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resetting the twin of deleted device {DeviceId} failed")]
    private partial void LogResetFailed(Exception exception, string deviceId);
}
