using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Twins.Commands;

/// <summary>At start, commands the previous run left waiting are timed out: nobody waits for their answers any more.</summary>
public sealed class CommandLogRecovery(CommandLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => log.TimeOutUnfinishedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
