using DigitalTwin.Core.Twins;
using Orleans.Configuration;

namespace DigitalTwin.Web.Twins;

public static class TwinHostingExtensions
{
    /// <summary>
    /// Co-hosts an Orleans silo holding one twin grain per device. Localhost clustering: one machine,
    /// no gateway (nothing outside this process calls the grains). Orleans:SiloPort lets tests run several apps.
    /// </summary>
    public static IHostApplicationBuilder AddTwins(this IHostApplicationBuilder builder)
    {
        var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: "digitaltwin", clusterId: $"digitaltwin-{siloPort}");
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(1));
        });
        return builder.AddTwinState();
    }
}
