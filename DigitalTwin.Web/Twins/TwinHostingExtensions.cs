using System.Net;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Cluster;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace DigitalTwin.Web.Twins;

public static class TwinHostingExtensions
{
    /// <summary>
    /// Co-hosts an Orleans silo holding one twin grain per device. By default localhost clustering: one machine, no
    /// gateway (nothing outside this process calls the grains); Orleans:SiloPort lets tests run several apps. In cluster
    /// mode (Cluster:Enabled) the silos of every instance find each other through Redis and spread the twins over them.
    /// </summary>
    public static IHostApplicationBuilder AddTwins(this IHostApplicationBuilder builder)
    {
        var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
        var cluster = builder.Configuration.GetSection(ClusterModeOptions.Section).Get<ClusterModeOptions>() ?? new ClusterModeOptions();
        builder.UseOrleans(silo =>
        {
            if (cluster.Enabled)
            {
                JoinCluster(silo, cluster, siloPort, builder.Configuration.GetValue($"{MqttOptions.Section}:{nameof(MqttOptions.ClientId)}", new MqttOptions().ClientId)!);
            }
            else
            {
                silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: "digitaltwin", clusterId: $"digitaltwin-{siloPort}");
            }
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(1));
            // Alerts, rules, silences, twin documents and commands are not Orleans-generated types: between instances they cross as
            // JSON. Registered in both modes: the silo checks at start that every grain method's types can be sent.
            silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(
                isSupported: type => type == typeof(Actor)
                    || type.Namespace == typeof(Alert).Namespace || type.Namespace == typeof(TwinDocuments).Namespace || type.Namespace == typeof(CommandEntry).Namespace));
        });
        return builder.AddTwinState();
    }

    /// <param name="mqttClientId">The silo's name: a survivor resumes a dead instance's broker session by it (<see cref="ClusterStandIn"/>).</param>
    private static void JoinCluster(ISiloBuilder silo, ClusterModeOptions cluster, int siloPort, string mqttClientId)
    {
        silo.Configure<SiloOptions>(o => o.SiloName = mqttClientId);
        silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(cluster.Redis ?? ""));
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, "digitaltwin"));
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = IPAddress.TryParse(cluster.AdvertisedAddress, out var address) ? address : IPAddress.Loopback;
            o.SiloPort = siloPort;
            o.GatewayPort = 0;
        });
        // A killed instance's twins move to the others once it is declared dead: seconds, not Orleans' default minute.
        silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (cluster.ProbeTimeout, 2));
        silo.AddGrainService<ClusterPeer>();
    }
}
