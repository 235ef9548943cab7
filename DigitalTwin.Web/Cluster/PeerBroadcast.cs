using System.Threading.Channels;

namespace DigitalTwin.Web.Cluster;

/// <summary>Sends what a channel collects to every other instance, in batches as it comes, until the host stops.</summary>
internal static class PeerBroadcast
{
    public static async Task RunAsync<T>(
        ChannelReader<T> reader, int maxBatch, ClusterPeers peers, Func<IClusterPeer, T[], Task> send, Action<Exception, int> failed, CancellationToken stoppingToken)
    {
        var batch = new List<T>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < maxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                T[] items = [.. batch];
                batch.Clear();
                foreach (var peer in peers.Others())
                {
                    try
                    {
                        await send(peer, items);
                    }
                    catch (Exception ex)
                    {
                        failed(ex, items.Length);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
