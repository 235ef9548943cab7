using DigitalTwin.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>A host with the app's data registrations on a SQLite file of its own, for tests of one feature's services.</summary>
public static class SqliteTestHost
{
    /// <param name="settings">Further configuration, e.g. a feature's options.</param>
    public static HostApplicationBuilder CreateBuilder(string directory, string databaseFile, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [$"ConnectionStrings:{DataExtensions.ConnectionName}"] = $"Data Source={Path.Combine(directory, databaseFile)}",
        });
        builder.Services.AddLogging();
        builder.AddDigitalTwinData();
        return builder;
    }
}
