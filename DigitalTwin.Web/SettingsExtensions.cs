using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace DigitalTwin.Web;

public static class SettingsExtensions
{
    /// <summary>
    /// The one settings file is the repository's top-level appsettings.json, linked into the build output.
    /// The host looks for appsettings.json in the content root (the project folder under `dotnet run`),
    /// so the output copy is added in the same place in the order: environment variables and
    /// command-line arguments still override it.
    /// </summary>
    public static IHostApplicationBuilder AddTopLevelSettings(this IHostApplicationBuilder builder)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var sources = builder.Configuration.Sources;
        var position = sources.Select((source, index) => (source, index))
            .FirstOrDefault(s => s.source is JsonConfigurationSource { Path: "appsettings.json" }).index;
        var settings = new JsonConfigurationSource
        {
            Path = Path.GetFileName(file),
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(file)!),
            Optional = true,
            ReloadOnChange = false,
        };
        sources.Insert(position, settings);
        return builder;
    }
}
