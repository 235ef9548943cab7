using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// Cluster mode's options are checked at start either way; when it is on, twin changes and device changes also
    /// travel to the other instances (<see cref="ClusterTwinChangeFeed"/>, <see cref="ClusterDeviceSync"/>) and the alert
    /// engine runs once for the cluster (<see cref="AlertHostGrain"/>). After AddTwins and AddAlerts (told not to host the
    /// engine): it replaces some of what they registered. The silo itself joins the cluster in AddTwins.
    /// </summary>
    public static IHostApplicationBuilder AddClusterMode(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusterModeOptions>().BindConfiguration(ClusterModeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterModeOptions>, ClusterModeOptionsValidator>();
        if (!ClusterModeOptions.IsEnabled(builder.Configuration))
        {
            return builder;
        }
        services.AddSingleton<ClusterPeers>();
        services.AddSingleton<ClusterCounters>();
        services.AddSingleton<ClusterTwinChangeFeed>();
        services.Replace(ServiceDescriptor.Singleton<ITwinChangeFeed>(sp => sp.GetRequiredService<ClusterTwinChangeFeed>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterTwinChangeFeed>());
        services.AddSingleton<ClusterDeviceSync>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterDeviceSync>());
        // One alert engine for the cluster (AlertHostGrain, with AddAlerts(hostEngine: false)): this instance's engine
        // runs only while the host is here.
        services.AddSingleton<ClusterAlertEngine>();
        services.Replace(ServiceDescriptor.Singleton<IAlertEngine>(sp => sp.GetRequiredService<ClusterAlertEngine>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterAlertEngine>());
        services.AddHostedService<ClusterStandIn>();
        services.AddHostedService<ClusterDocumentForwarder>();
        services.AddSingleton<ClusterAlertFeed>();
        services.Replace(ServiceDescriptor.Singleton<IAlertFeed>(sp => sp.GetRequiredService<ClusterAlertFeed>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterAlertFeed>());
        return builder;
    }
}
