using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Web.Twins;

/// <summary>Reads twins for pages and the API: every known device, or one.</summary>
public sealed class TwinDirectory(IGrainFactory grains, DeviceDirectory devices)
{
    public async Task<IReadOnlyList<TwinSnapshot>> GetAllAsync() =>
        await Task.WhenAll(devices.Snapshot.Keys.Order(StringComparer.Ordinal).Select(id => grains.GetGrain<ITwinGrain>(id).GetAsync()));

    /// <summary>Null for a device that has never reported.</summary>
    public async Task<TwinSnapshot?> GetAsync(string deviceId) =>
        devices.Contains(deviceId) ? await grains.GetGrain<ITwinGrain>(deviceId).GetAsync() : null;
}
