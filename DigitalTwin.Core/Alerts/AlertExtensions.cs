using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Alerts;

public static class AlertExtensions
{
    /// <summary>
    /// Rules, the engine fed by the telemetry pipeline, its writer, the notifier with webhook and e-mail channels.
    /// The pipeline drains its last readings into the engine before any hosted service stops (TelemetryProcessor).
    /// </summary>
    /// <param name="hostEngine">
    /// Whether this process restores the engine and drives its ticks (<see cref="AlertEngineHost"/>); a cluster runs one
    /// engine for all its instances and hosts it elsewhere.
    /// </param>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder, bool hostEngine = true)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlertCounters>();
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertFeed>(sp => sp.GetRequiredService<AlertFeed>());
        services.AddSingleton<AlertTargets>();
        services.AddSingleton<AlertWriter>();
        services.AddSingleton<IAlertChannel, WebhookChannel>();
        services.TryAddSingleton<IStoredSentences, StoredSentencesAsWritten>();
        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertStateLoader>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<IAlertEngine>(sp => sp.GetRequiredService<AlertEngine>());
        services.AddSingleton<IReadingObserver>(sp => sp.GetRequiredService<IAlertEngine>());
        services.AddSingleton<AlertRuleService>();
        services.AddSingleton<AlertQueryService>();
        services.AddSingleton<AlertActionService>();
        services.AddSingleton<AlertSilenceService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertNotifier>());
        if (hostEngine)
        {
            services.AddHostedService<AlertEngineHost>();
        }
        return builder;
    }
}
