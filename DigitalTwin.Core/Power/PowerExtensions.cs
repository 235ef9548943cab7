using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Power;

public static class PowerExtensions
{
    /// <summary>KEPCO district power data: import (and the first-run sample data), queries.</summary>
    public static IHostApplicationBuilder AddPowerAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PowerOptions>().BindConfiguration(PowerOptions.Section)
            .Validate(o => o.MaxImportBytes is >= 1024 and <= 1L << 30 && o.MaxReportedIssues is >= 1 and <= 100_000,
                "Power:MaxImportBytes must be from 1024 to 1073741824 and Power:MaxReportedIssues from 1 to 100000.")
            .ValidateOnStart();
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
