using Orleans.Runtime.Services;

namespace DigitalTwin.Web.Cluster;

/// <summary>The other instances' peers, as the membership table lists them now (active silos but this one).</summary>
public sealed class ClusterPeers(IServiceProvider services, IClusterMembershipService membership, ILocalSiloDetails local)
    : GrainServiceClient<IClusterPeer>(services)
{
    public IEnumerable<IClusterPeer> Others()
    {
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(local.SiloAddress))
            {
                yield return GetGrainService(member.SiloAddress);
            }
        }
    }
}
