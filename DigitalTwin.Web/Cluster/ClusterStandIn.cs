using DigitalTwin.Web.Mqtt;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// When an instance is declared dead, one survivor (the active silo with the lowest address, so exactly one) resumes
/// its broker session: mosquitto keeps routing a stopped member's part of a shared subscription to its session, so
/// without a stand-in those readings would wait for the dead instance to come back. Each instance's silo is named
/// after its MQTT client id, which is how the survivor knows which session to resume.
/// </summary>
public sealed partial class ClusterStandIn(
    IClusterMembershipService membership, ILocalSiloDetails local, ExternalMqttIngest ingest, ClusterCounters counters, ILogger<ClusterStandIn> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClusterMembershipSnapshot? previous = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                if (previous is not null && IsStandInFor(snapshot))
                {
                    foreach (var died in snapshot.CreateUpdate(previous).Changes.Where(c => c.Status == SiloStatus.Dead && c.Name != local.Name))
                    {
                        counters.StoodIn();
                        _ = StandInAsync(died.Name, stoppingToken);
                    }
                }
                previous = snapshot;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private bool IsStandInFor(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active)
            .MinBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal)?.SiloAddress.Equals(local.SiloAddress) == true;

    private async Task StandInAsync(string clientId, CancellationToken stoppingToken)
    {
        try
        {
            await ingest.StandInAsync(clientId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStandInFailed(ex, clientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not stand in for {ClientId}; its readings wait in its broker session until it comes back")]
    private partial void LogStandInFailed(Exception exception, string clientId);
}
