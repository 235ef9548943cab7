using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Mqtt;

internal static partial class MqttConnectionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} connected to the MQTT broker at {Endpoint}")]
    public static partial void Connected(ILogger logger, string name, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} reconnected to the MQTT broker at {Endpoint} after {Attempts} failed attempts")]
    public static partial void Reconnected(ILogger logger, string name, string endpoint, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} cannot reach the MQTT broker at {Endpoint}; retrying with back-off, quietly until it succeeds")]
    public static partial void Unreachable(ILogger logger, Exception exception, string name, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} lost its connection to the MQTT broker at {Endpoint}; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string name, string endpoint);
}
