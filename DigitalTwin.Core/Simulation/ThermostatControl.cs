using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Core.Simulation;

/// <summary>
/// A simulated thermometer as a device that obeys: it reads its desired document (devices/{id}/desired) and its
/// commands (devices/{id}/commands/{name}), applies <c>setpoint</c> (°C) and <c>mode</c> (<see cref="ThermostatModes"/>)
/// to its thermostat, and reports both back on devices/{id}/reported, so the delta clears. The one command it
/// knows is <c>setpoint</c>: payload <c>{"setpoint": 22.5, "mode": "auto"}</c> (mode optional) or a bare number;
/// it answers on the request's response topic with its correlation data: <c>{"status":"succeeded","setpoint":…,"mode":…}</c>
/// or <c>{"status":"failed","error":…}</c>.
/// </summary>
public static class ThermostatControl
{
    public const string SetpointKey = "setpoint";
    public const string ModeKey = "mode";
    public const string SetpointCommand = "setpoint";
    public const double MinSetpoint = 5.0;
    public const double MaxSetpoint = 35.0;

    /// <summary>The topics the device subscribes to.</summary>
    public static IEnumerable<string> Filters(string deviceId) => [TwinPropertyTopics.Desired(deviceId), CommandTopics.RequestFilter(deviceId)];

    /// <summary>The messages to publish in answer to <paramref name="message"/> (none when it is not for this device or says nothing).</summary>
    public static IReadOnlyList<MqttApplicationMessage> Handle(SimulatedThermometer thermometer, MqttApplicationMessage message)
    {
        var deviceId = thermometer.DeviceId;
        if (message.Topic == TwinPropertyTopics.Desired(deviceId))
        {
            if (message.Payload.IsEmpty || Parse(message) is not JsonObject desired)
            {
                return [];
            }
            // What is out of range or unknown is left alone: the delta keeps showing it as not applied.
            _ = TryApply(thermometer, desired, out _);
            return [Report(thermometer)];
        }
        if (message.Topic == CommandTopics.Request(deviceId, SetpointCommand))
        {
            var node = Parse(message);
            var settings = node is JsonValue ? new JsonObject { [SetpointKey] = node.DeepClone() } : node as JsonObject;
            if (settings is null || !settings.ContainsKey(SetpointKey))
            {
                return [Answer(message, Failed("The setpoint command takes {\"setpoint\": °C} (and optionally \"mode\") or a bare number."))];
            }
            if (!TryApply(thermometer, settings, out var error))
            {
                return [Answer(message, Failed(error!))];
            }
            var answer = State(thermometer);
            answer["status"] = "succeeded";
            return [Answer(message, answer), Report(thermometer)];
        }
        if (CommandTopics.IsRequest(message.Topic))
        {
            return [Answer(message, Failed($"Unknown command: {message.Topic[(message.Topic.LastIndexOf('/') + 1)..]}. This device knows '{SetpointCommand}'."))];
        }
        return [];
    }

    /// <summary>The device's settings as it reports them (on connect, and after each change).</summary>
    public static MqttApplicationMessage Report(SimulatedThermometer thermometer) => new MqttApplicationMessageBuilder()
        .WithTopic(TwinPropertyTopics.Reported(thermometer.DeviceId))
        .WithPayload(Encoding.UTF8.GetBytes(State(thermometer).ToJsonString()))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static JsonObject State(SimulatedThermometer thermometer)
    {
        var (setpoint, mode) = thermometer.Thermostat;
        return new JsonObject { [SetpointKey] = setpoint, [ModeKey] = ThermostatModes.ToText(mode) };
    }

    private static bool TryApply(SimulatedThermometer thermometer, JsonObject settings, out string? error)
    {
        error = null;
        double? setpoint = null;
        ThermostatMode? mode = null;
        if (settings[SetpointKey] is JsonValue value && value.TryGetValue<double>(out var number))
        {
            if (number is >= MinSetpoint and <= MaxSetpoint)
            {
                setpoint = Math.Round(number, 1);
            }
            else
            {
                error = string.Create(CultureInfo.InvariantCulture, $"Setpoint {number} °C is out of range ({MinSetpoint} to {MaxSetpoint} °C).");
            }
        }
        else if (settings.ContainsKey(SetpointKey))
        {
            error = "The setpoint must be a number (°C).";
        }
        if (settings[ModeKey] is JsonValue modeValue && modeValue.TryGetValue<string>(out var text) && ThermostatModes.TryParse(text, out var parsed))
        {
            mode = parsed;
        }
        else if (settings.ContainsKey(ModeKey))
        {
            error ??= $"The mode is \"{ThermostatModes.Auto}\", \"{ThermostatModes.Off}\" or \"{ThermostatModes.ForceOn}\".";
        }
        thermometer.SetThermostat(setpoint, mode);
        return error is null;
    }

    private static JsonNode? Parse(MqttApplicationMessage message)
    {
        try
        {
            var reader = new Utf8JsonReader(message.Payload);
            return JsonNode.Parse(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Failed(string error) => new() { ["status"] = "failed", ["error"] = error };

    private static MqttApplicationMessage Answer(MqttApplicationMessage request, JsonObject answer)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(string.IsNullOrEmpty(request.ResponseTopic) ? $"{request.Topic}/response" : request.ResponseTopic)
            .WithPayload(Encoding.UTF8.GetBytes(answer.ToJsonString()))
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (request.CorrelationData is { Length: > 0 } correlation)
        {
            builder.WithCorrelationData(correlation);
        }
        return builder.Build();
    }
}
