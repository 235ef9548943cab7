using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins.Commands;

/// <summary>Every committed change of a command (sent, delivered, answered, timed out), published once by <see cref="CommandLog"/>; the device page listens.</summary>
public sealed class CommandFeed(ILogger<CommandFeed> logger) : DeviceChangeFeed<CommandEntry>(logger)
{
    protected override string DeviceOf(CommandEntry change) => change.DeviceId;
}
