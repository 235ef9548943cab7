using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Simulation;

internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Count} thermometers ({Prefix}1..) every {Interval} at {TimeScale}x time, publishing to {Host}:{Port}")]
    public static partial void Starting(ILogger logger, int count, string prefix, TimeSpan interval, double timeScale, string host, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulator skipped the rest of a tick: publishing failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception);
}
