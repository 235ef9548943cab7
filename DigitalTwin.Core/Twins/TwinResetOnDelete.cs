using DigitalTwin.Core.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Resets the live twin of a deleted device, so a device re-created with the same id does not show the old values
/// until the grain would have been collected.
/// </summary>
public sealed partial class TwinResetOnDelete(DeviceDirectory directory, IGrainFactory grains, ILogger<TwinResetOnDelete> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = directory.Subscribe(OnChanged);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Started, not awaited: directory subscribers must not block the registry's commit.</summary>
    private void OnChanged(DeviceChange change)
    {
        if (change.Kind == DeviceChangeKind.Removed)
        {
            _ = ResetAsync(change.DeviceId);
        }
    }

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
