using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.History;

public static class HistoryExtensions
{
    /// <summary>The history writer, the read side (charts, API, exports) and the retention sweep; the database provider comes from AddDigitalTwinData.</summary>
    public static IHostApplicationBuilder AddHistory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<HistoryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddSingleton<HistoryRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryRetention>());
        return builder;
    }
}
