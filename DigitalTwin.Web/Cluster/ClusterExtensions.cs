using DigitalTwin.Core.Twins;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// Cluster mode's options are checked at start either way; when it is on, twin changes and device changes also
    /// travel to the other instances (<see cref="ClusterTwinChangeFeed"/>, <see cref="ClusterDeviceSync"/>).
    /// </summary>
    public static IHostApplicationBuilder AddClusterMode(this IHostApplicationBuilder builder, bool enabled)
    {
        var services = builder.Services;
        services.AddOptions<ClusterModeOptions>().BindConfiguration(ClusterModeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterModeOptions>, ClusterModeOptionsValidator>();
        if (!enabled)
        {
            return builder;
        }
        services.AddSingleton<ClusterPeers>();
        services.AddSingleton<ClusterTwinChangeFeed>();
        services.Replace(ServiceDescriptor.Singleton<ITwinChangeFeed>(sp => sp.GetRequiredService<ClusterTwinChangeFeed>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterTwinChangeFeed>());
        services.AddSingleton<ClusterDeviceSync>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterDeviceSync>());
        return builder;
    }
}
