using DigitalTwin.Core.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Bench;

/// <summary>History is written only for registered devices, as in the app: the benches register theirs first.</summary>
internal static class BenchRegistry
{
    public static Task RegisterAsync(IHost host, IEnumerable<string> deviceIds) =>
        host.Services.GetRequiredService<DeviceRegistry>().ProvisionAsync(
            [.. deviceIds.Select(id => new DeviceDraft(id, null, "thermometer", null, null, null, null))], CancellationToken.None);
}
