using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Devices;

public static class DeviceExtensions
{
    /// <summary>The registry (create, edit, delete, secrets, auto-registration), its in-memory directory and device authentication.</summary>
    public static IHostApplicationBuilder AddDeviceRegistry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<DeviceCredentials>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<IDeviceProvisioner>(sp => sp.GetRequiredService<DeviceRegistry>());
        services.AddSingleton<DeviceAuthCounters>();
        services.AddSingleton<DeviceAuthenticator>();
        return builder;
    }

    /// <summary>Fills the <see cref="DeviceDirectory"/> from the Devices table; call after the database is initialized, before the host starts.</summary>
    public static async Task LoadDevicesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>().CreateDbContextAsync(cancellationToken);
        services.GetRequiredService<DeviceDirectory>().Load(await db.Devices.AsNoTracking().ToListAsync(cancellationToken));
    }
}
