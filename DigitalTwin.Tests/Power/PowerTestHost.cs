using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Power;

/// <summary>
/// The app's own data and power registrations on a fresh SQLite file, migrated as at startup; not started, so
/// the sample seeder does not run. One per test (a test class's tests must not see each other's imports).
/// </summary>
public sealed class PowerTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private PowerTestHost(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
    }

    /// <summary>Who imports in these tests ("test" in ImportedBy).</summary>
    public static Actor Importer { get; } = new("test", ActorKind.User);

    public FakeTimeProvider Time => (FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>();

    public PowerImportService Imports => _host.Services.GetRequiredService<PowerImportService>();

    public PowerQueries Queries => _host.Services.GetRequiredService<PowerQueries>();

    public Core.Power.Forecasting.ForecastCache Forecasts => _host.Services.GetRequiredService<Core.Power.Forecasting.ForecastCache>();

    public Core.Power.Forecasting.ForecastEngine Engine => _host.Services.GetRequiredService<Core.Power.Forecasting.ForecastEngine>();

    /// <param name="postgres">A PostgreSQL database to use instead of a fresh SQLite file.</param>
    public static async Task<PowerTestHost> StartAsync(PostgresTestDatabase? postgres = null)
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        var settings = new Dictionary<string, string?> { ["Power:SeedSampleData"] = "false" };
        var builder = postgres is null ? SqliteTestHost.CreateBuilder(directory, "power.db", settings) : PostgresBuilder(postgres, settings);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
        builder.AddPowerAnalytics();
        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        return new PowerTestHost(host, directory);
    }

    private static HostApplicationBuilder PostgresBuilder(PostgresTestDatabase postgres, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        settings["Database:Provider"] = "Postgres";
        settings[$"ConnectionStrings:{DataExtensions.ConnectionName}"] = postgres.ConnectionString;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddDigitalTwinData();
        return builder;
    }

    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, IProgress<double>? progress = null)
    {
        using var stream = new MemoryStream(content);
        return await Imports.PreviewAsync(fileName, stream, progress);
    }

    public Task<ImportPreview> PreviewSampleAsync(string sample) => PreviewAsync(sample, PowerSamples.Bytes(sample));

    /// <summary>Preview and commit; fails the test if the file has errors.</summary>
    public async Task<(ImportPreview Preview, ImportResult Result)> ImportAsync(string fileName, byte[] content)
    {
        var preview = await PreviewAsync(fileName, content);
        Assert.True(preview.CanCommit, string.Join("\n", preview.Issues));
        return (preview, await Imports.CommitAsync(preview.Id, PowerTestHost.Importer));
    }

    public Task<(ImportPreview Preview, ImportResult Result)> ImportSampleAsync(string sample) => ImportAsync(sample, PowerSamples.Bytes(sample));

    public async Task<T> QueryAsync<T>(Func<DigitalTwinDbContext, Task<T>> query)
    {
        var contexts = _host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> CountUsagesAsync() => QueryAsync(db => db.PowerUsages.CountAsync());

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        DigitalTwinAppFactory.DeleteDirectory(_directory);
        await Task.CompletedTask;
    }
}
