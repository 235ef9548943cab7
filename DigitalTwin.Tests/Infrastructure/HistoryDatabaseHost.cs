using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// The app's data registration (AddDigitalTwinData) for one provider and connection string, migrated as at startup,
/// so tests exercise the same wiring and migrations as the app.
/// </summary>
public sealed class HistoryDatabaseHost : IAsyncDisposable
{
    private readonly IHost _host;

    private HistoryDatabaseHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IHistoryDatabase Database => Services.GetRequiredService<IHistoryDatabase>();

    public static async Task<HistoryDatabaseHost> StartAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{DataExtensions.ConnectionName}"] = connectionString,
        });
        builder.AddDigitalTwinData();
        builder.AddDeviceRegistry();
        builder.Services.AddLogging();
        var host = builder.Build();
        try
        {
            await host.Services.InitializeDatabaseAsync();
            return new HistoryDatabaseHost(host);
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }
    }

    public ValueTask DisposeAsync() => DisposeHostAsync(_host);

    private static async ValueTask DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
