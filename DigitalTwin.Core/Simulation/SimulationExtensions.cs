using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Simulation;

public static class SimulationExtensions
{
    /// <summary>Binds and validates the "Simulator" section and runs <see cref="ThermometerSimulator"/>
    /// unless Simulator:Count is 0, with its sample alert rules unless Simulator:SampleAlertRules is false.</summary>
    public static IHostApplicationBuilder AddThermometerSimulator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());

        // The broker's owner binds this section too; binding twice sets the same values.
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Decided now, because a hosted service cannot be unregistered once options are read.
        // A count out of range fails validation on start whether registered or not.
        var count = builder.Configuration.GetSection(SimulatorOptions.Section)
            .GetValue(nameof(SimulatorOptions.Count), new SimulatorOptions().Count);
        if (count > 0)
        {
            builder.Services.AddHostedService<ThermometerSimulator>();
            if (builder.Configuration.GetSection(SimulatorOptions.Section).GetValue(nameof(SimulatorOptions.SampleAlertRules), new SimulatorOptions().SampleAlertRules))
            {
                builder.Services.AddHostedService<SimulatorAlertRules>();
            }
        }
        return builder;
    }
}
