using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// The real app, in this process, on free ports, with SQLite in a fresh temporary folder and the
/// simulator off. Production environment and Warning-level logging, as a deployment would run it.
/// </summary>
internal sealed class BenchApp : WebApplicationFactory<Program>, ISecureTarget
{
    private readonly string _directory = Directory.CreateTempSubdirectory("digitaltwin-bench-").FullName;

    private readonly bool _anonymousPublishers;

    /// <param name="anonymousPublishers">Turns Devices:AllowAutoRegistration on, so that anonymous connections may
    /// publish for unregistered devices (the QoS 0 run); off, only registered devices with their secret may.</param>
    public BenchApp(bool anonymousPublishers)
    {
        _anonymousPublishers = anonymousPublishers;
        MqttPort = FreePort();
        SiloPort = FreePort();
        ConnectionString = $"Data Source={Path.Combine(_directory, "bench.db")}";
        UseKestrel(0);
        StartServer();
        Counters = Services.GetRequiredService<IngestCounters>();
        Feed = Services.GetRequiredService<ITwinChangeFeed>();
    }

    /// <summary>The first admin's password (Auth:AdminPassword), for modes that call the HTTP API.</summary>
    public const string AdminPassword = "bench-admin-password";

    public int MqttPort { get; }

    public int SiloPort { get; }

    public string ConnectionString { get; }

    public IngestCounters Counters { get; }

    public ITwinChangeFeed Feed { get; }

    Func<long>? ISecureTarget.Committed => () => Counters.ReadingsCommitted;

    /// <summary>Registers the devices through the registry (not timed); returns each one's secret.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<string> ids)
    {
        var registry = Services.GetRequiredService<DeviceRegistry>();
        return await registry.ProvisionAsync([.. ids.Select(id => new DeviceDraft(id, null, "thermometer", null, null, null, null))], CancellationToken.None);
    }

    public Task<long> RejectedAsync() => Task.FromResult(Counters.Snapshot().TotalRejected);

    public Task<long> CountSamplesAsync() => CountSamplesAsync(ConnectionString);

    /// <summary><c>COUNT(*)</c> of the samples in the SQLite database at <paramref name="connectionString"/>.</summary>
    public static async Task<long> CountSamplesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Samples";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production serves static assets from the publish output; the bench runs from its build output, as a browser needs them.
        builder.ConfigureAppConfiguration((context, _) => StaticWebAssetsLoader.UseStaticWebAssets(context.HostingEnvironment, context.Configuration));
        builder.UseSetting("ConnectionStrings:DigitalTwin", ConnectionString);
        builder.UseSetting("Mqtt:Port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Simulator:Count", "0");
        // Every bench device connects from loopback.
        builder.UseSetting("Mqtt:MaxConnectionsPerAddress", "1000000");
        builder.UseSetting("Power:SeedSampleData", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Devices:AllowAutoRegistration", _anonymousPublishers ? "true" : "false");
        builder.UseSetting("Auth:AdminPassword", AdminPassword);
    }

    /// <summary>Signs the client in as the first admin: POST /api/auth/token, as a script would, and the token as its bearer.</summary>
    public static async Task SignInAsAdminAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = AdminPassword, name = "bench" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("token").GetString());
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
