using DigitalTwin.Core.Mqtt;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Mqtt;

public static class MqttExtensions
{
    /// <summary>Embedded mode hosts the broker devices connect to; External mode subscribes to another broker.</summary>
    public static IHostApplicationBuilder AddMqttBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        builder.Services.AddSingleton<DesiredDownlink>();
        builder.Services.AddSingleton<CommandDispatcher>();
        var mode = builder.Configuration.GetValue($"{MqttOptions.Section}:{nameof(MqttOptions.Mode)}", MqttMode.Embedded);
        if (mode == MqttMode.External)
        {
            builder.Services.AddSingleton<ExternalMqttIngest>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ExternalMqttIngest>());
        }
        else
        {
            builder.Services.AddSingleton<ConnectionGate>();
            builder.Services.AddSingleton<BrokerRefusals>();
            builder.Services.AddSingleton<EmbeddedMqttBroker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        }
        return builder;
    }
}
