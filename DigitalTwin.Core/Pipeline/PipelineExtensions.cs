using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Pipeline;

public static class PipelineExtensions
{
    /// <summary>
    /// The processor that carries queued readings to history, the twins and the alert engine. Needs what
    /// AddTelemetryIngest, AddHistory and AddTwins register; it orders the shutdown itself (<see cref="TelemetryProcessor"/>).
    /// </summary>
    public static IHostApplicationBuilder AddTelemetryPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TelemetryProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryProcessor>());
        return builder;
    }
}
