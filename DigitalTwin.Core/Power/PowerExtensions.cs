using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Power;

public static class PowerExtensions
{
    /// <summary>KEPCO district power data: import, queries.</summary>
    public static IHostApplicationBuilder AddPowerAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PowerQueries>();
        return builder;
    }
}
