using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Tests.Alerts;

/// <summary>The app's real alert services (engine, writer, notifier, services) on a fresh SQLite file, started as at startup.</summary>
internal sealed class AlertHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly IHost _host;

    private AlertHost(string directory, IHost host)
    {
        _directory = directory;
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="configure">Extra services, e.g. an EF Core interceptor that counts queries.</param>
    public static async Task<AlertHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        var builder = SqliteTestHost.CreateBuilder(directory, "alerts.db");
        builder.AddDeviceRegistry();
        builder.AddAlerts();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        await host.StartAsync();
        return new AlertHost(directory, host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        DigitalTwinAppFactory.DeleteDirectory(_directory);
    }
}
