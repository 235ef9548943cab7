using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Simulation;

internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Count} thermometers ({Prefix}1..) every {Interval} at {TimeScale}x time, publishing to {Host}:{Port}")]
    public static partial void Starting(ILogger logger, int count, string prefix, TimeSpan interval, double timeScale, string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator connected to the MQTT broker at {Host}:{Port}")]
    public static partial void Connected(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator reconnected to the MQTT broker at {Host}:{Port} after {Attempts} failed attempts")]
    public static partial void Reconnected(ILogger logger, string host, int port, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator cannot reach the MQTT broker at {Host}:{Port}; retrying with back-off, quietly until it succeeds")]
    public static partial void Unreachable(ILogger logger, Exception exception, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator lost its connection to the MQTT broker at {Host}:{Port}; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulator skipped the rest of a tick: publishing failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception);
}
