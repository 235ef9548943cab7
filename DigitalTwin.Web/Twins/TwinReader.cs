using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Web.Twins;

/// <summary>Reads one twin for the device page and the API; the device directory answers whether it exists, not a grain.</summary>
public sealed class TwinReader(IGrainFactory grains, DeviceDirectory devices)
{
    /// <summary>Null for a device that is not registered (no twin is activated for it).</summary>
    public async Task<TwinSnapshot?> GetAsync(string deviceId) =>
        devices.Contains(deviceId) ? await grains.GetGrain<ITwinGrain>(deviceId).GetAsync() : null;
}
