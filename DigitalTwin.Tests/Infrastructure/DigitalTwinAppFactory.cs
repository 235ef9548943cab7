using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// The real app on real ports: Kestrel on a free HTTP port, the embedded MQTT broker on a free port,
/// an Orleans silo on a free port and SQLite in a fresh temp directory. Several can run in one process.
/// Set <see cref="Settings"/> before <see cref="StartAsync"/>; pass a <paramref name="dataDirectory"/> to
/// reuse another app's database (a restart), in which case this factory does not delete it.
/// </summary>
public sealed class DigitalTwinAppFactory(string? dataDirectory = null) : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory = dataDirectory is null;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private HttpClient? _client;
    private HttpClient? _anonymous;

    /// <summary>Holds twin.db; deleted on dispose unless it was passed in.</summary>
    public string DataDirectory { get; } = dataDirectory ?? CreateTempDirectory();

    public string DatabasePath => Path.Combine(DataDirectory, "twin.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    public int MqttPort { get; } = FreePort.Tcp();

    public int SiloPort { get; } = FreePort.Tcp();

    /// <summary>Extra or overriding settings (configuration keys, e.g. "Twins:OfflineAfter"), applied on start.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Simulator:Count"] = "0",
        ["Logging:LogLevel:Default"] = "Warning",
        // Tests start from an empty power table; the seeding test turns this on.
        ["Power:SeedSampleData"] = "false",
        ["Auth:AdminPassword"] = AdminPassword,
    };

    /// <summary>The first admin's password in every test app (Auth:AdminPassword).</summary>
    public const string AdminPassword = "test-admin-password";

    public const string AdminUserName = "admin";

    /// <summary>The real HTTP address Kestrel listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An HttpClient against <see cref="BaseAddress"/> over real TCP, carrying the first admin's API token.</summary>
    public HttpClient Http => _client ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>An HttpClient without credentials that does not follow redirects (so a redirect to sign-in shows).</summary>
    public HttpClient AnonymousHttp => _anonymous ?? throw new InvalidOperationException("Call StartAsync first.");

    public async Task<DigitalTwinAppFactory> StartAsync()
    {
        UseKestrel(0);
        // StartServer blocks while the host starts (migrations, silo, broker); keep it off the test's thread.
        await Task.Run(StartServer);
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(addresses.First());
        BaseAddress = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        _anonymous = NewClient(null, followRedirects: false);
        _client = NewClient(SignInOnStart ? await SignInForTokenAsync(AdminUserName, AdminPassword) : null);
        return this;
    }

    /// <summary>An HttpClient on the app with the given bearer token (none when null).</summary>
    public HttpClient NewClient(string? token, bool followRedirects = true)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>POST /api/auth/token as a script would; the token.</summary>
    public async Task<string> SignInForTokenAsync(string userName, string password)
    {
        using var client = NewClient(null);
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password, name = "tests" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/auth/token {userName}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Creates a user with these roles (straight through Identity) and returns a client with a token of theirs.</summary>
    public async Task<HttpClient> ClientForNewUserAsync(string userName, params string[] roles)
    {
        await TestUsers.CreateAsync(Services, userName, TestUsers.Password, roles);
        return NewClient(await TestUsers.TokenAsync(Services, userName));
    }

    /// <summary>A connected MQTT client for the app's embedded broker, anonymous (refused unless auto-registration is on).</summary>
    public Task<MqttTestClient> ConnectMqttAsync(string? clientId = null) => MqttTestClient.ConnectAsync(MqttPort, clientId);

    /// <summary>A connected MQTT client authenticated as the device (username = id, password = secret).</summary>
    public Task<MqttTestClient> ConnectMqttAsync(string deviceId, string secret) =>
        MqttTestClient.ConnectAsync(MqttPort, null, deviceId, secret);

    /// <summary>Registers a device through the API (as an operator would) and returns its secret.</summary>
    public async Task<string> CreateDeviceAsync(string deviceId, string kind = "thermometer")
    {
        using var response = await Http.PostAsJsonAsync("/api/devices", new { id = deviceId, kind });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/devices {deviceId}: {(int)response.StatusCode} {body}");
        var secret = JsonDocument.Parse(body).RootElement.GetProperty("secret").GetString()!;
        _secrets[deviceId] = secret;
        return secret;
    }

    /// <summary>The secret of a device this factory registered, registering it on first use.</summary>
    public async Task<string> EnsureDeviceAsync(string deviceId) =>
        _secrets.TryGetValue(deviceId, out var secret) ? secret : await CreateDeviceAsync(deviceId);

    /// <summary>Connects to the broker as the device, registering it on first use.</summary>
    public async Task<MqttTestClient> ConnectDeviceAsync(string deviceId) =>
        await ConnectMqttAsync(deviceId, await EnsureDeviceAsync(deviceId));

    /// <summary>Posts telemetry as the device would (with its bearer secret), registering it on first use.</summary>
    public async Task<HttpResponseMessage> PostTelemetryAsync(string deviceId, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{deviceId}/telemetry") { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await EnsureDeviceAsync(deviceId));
        return await Http.SendAsync(request);
    }

    /// <summary>A connection to the app's SQLite file, to check what was stored.</summary>
    public async Task<SqliteConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection(ConnectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Samples stored for a device (and metric), read straight from the SQLite file.</summary>
    public async Task<long> CountSamplesAsync(string deviceId, string? metric = null)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM Samples s JOIN Series r ON r.Id = s.SeriesId
            WHERE r.DeviceId = $d AND ($m IS NULL OR r.Metric = $m)
            """;
        command.Parameters.AddWithValue("$d", deviceId);
        command.Parameters.AddWithValue("$m", (object?)metric ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Samples and minute rollups whose series no longer exists: history nobody can read, which must never be written.</summary>
    public async Task<long> CountOrphanHistoryAsync()
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Samples s WHERE NOT EXISTS (SELECT 1 FROM Series r WHERE r.Id = s.SeriesId))
                 + (SELECT COUNT(*) FROM SampleMinutes m WHERE NOT EXISTS (SELECT 1 FROM Series r WHERE r.Id = m.SeriesId))
            """;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The app's warnings and errors, as logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>False: start without asking for the admin's token (for a first run without Auth:AdminPassword).</summary>
    public bool SignInOnStart { get; set; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        // Tests share two cores with browsers and other apps: a stop (silo, writers draining) may take longer than the default 30 s there.
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2)));
        builder.UseSetting("ConnectionStrings:DigitalTwin", ConnectionString);
        builder.UseSetting("Mqtt:Port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mqtt:BindAddress", "127.0.0.1");
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _anonymous?.Dispose();
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (_ownsDataDirectory)
            {
                DeleteDirectory(DataDirectory);
            }
        }
    }

    public static string CreateTempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Best effort: a temp directory left behind must not fail the test.</summary>
    public static void DeleteDirectory(string directory)
    {
        // The app's pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
