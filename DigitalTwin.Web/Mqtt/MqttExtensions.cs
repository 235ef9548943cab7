using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Web.Mqtt;

public static class MqttExtensions
{
    public static IHostApplicationBuilder AddMqttBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateOnStart();
        var mode = builder.Configuration.GetValue($"{MqttOptions.Section}:{nameof(MqttOptions.Mode)}", MqttMode.Embedded);
        if (mode != MqttMode.Embedded)
        {
            throw new InvalidOperationException($"Mqtt:Mode={mode} is not supported yet; use Mqtt:Mode=Embedded.");
        }
        builder.Services.AddSingleton<EmbeddedMqttBroker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        return builder;
    }
}
