using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Power;

public static class PowerExtensions
{
    /// <summary>KEPCO district power data: import (and the first-run sample data), queries.</summary>
    public static IHostApplicationBuilder AddPowerAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PowerOptions>().BindConfiguration(PowerOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PowerOptions>, PowerOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PowerQueries>();
        builder.Services.AddSingleton<PowerImportService>();
        builder.Services.AddSingleton<DistrictBoundaries>();
        builder.Services.AddSingleton<Import.KnownDistricts>();
        builder.Services.AddSingleton<Forecasting.ForecastEngine>();
        builder.Services.AddSingleton<Forecasting.ForecastCache>();
        builder.Services.AddHostedService<PowerSampleSeeder>();
        return builder;
    }
}
