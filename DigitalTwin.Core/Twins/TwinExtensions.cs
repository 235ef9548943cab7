using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Twins;

public static class TwinExtensions
{
    /// <summary>
    /// What lives beside the twin grains: their change feed, the status board projected from it, the device list that
    /// reads the board, status reports from the transports, the reset of a deleted device's twin, the desired/reported documents' store and the command log. The silo that
    /// hosts the grains is the host's business (Web's AddTwins).
    /// </summary>
    public static IHostApplicationBuilder AddTwinState(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TwinOptions>().BindConfiguration(TwinOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwinOptions>, TwinOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TwinChangeFeed>();
        services.AddSingleton<ITwinChangeFeed>(sp => sp.GetRequiredService<TwinChangeFeed>());
        services.AddSingleton(sp => new DeviceStatusBoard(sp.GetRequiredService<ITwinChangeFeed>()));
        services.AddSingleton<DeviceList>();
        services.AddSingleton<FleetOverview>();
        services.AddSingleton<TwinStatusReporter>();
        services.AddSingleton<Model.TwinForecaster>();
        services.AddSingleton<Faults.FaultHistory>();
        services.AddSingleton<Maintenance.MaintenanceReport>();
        services.AddHostedService<TwinResetOnDelete>();
        services.AddSingleton<TwinPropertyFeed>();
        services.AddSingleton<TwinPropertyCounters>();
        services.AddSingleton<TwinPropertyStore>();
        services.AddSingleton<CommandFeed>();
        services.AddSingleton<CommandLog>();
        services.AddHostedService<CommandLogRecovery>();
        return builder;
    }
}
