using DigitalTwin.Core.Twins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Devices;

public static class DeviceExtensions
{
    /// <summary>The registry (create, edit, delete, secrets) and the in-memory caches authentication reads.</summary>
    public static IHostApplicationBuilder AddDeviceRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.Section).ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DeviceCatalog>();
        builder.Services.TryAddSingleton<DeviceCredentials>();
        builder.Services.TryAddSingleton<DeviceRegistry>();
        builder.Services.TryAddSingleton<IDeviceProvisioner>(sp => sp.GetRequiredService<DeviceRegistry>());
        builder.Services.TryAddSingleton<DeviceAuthenticator>();
        builder.Services.TryAddSingleton<DeviceStatusBoard>();
        builder.Services.TryAddSingleton<DeviceList>();
        return builder;
    }
}
