using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Bench;

/// <summary>
/// The app as a deployment runs it: its own process (<c>dotnet DigitalTwin.Web.dll</c> from the bench's output),
/// embedded broker, SQLite in a fresh temporary folder, Production, Warning logs, simulator off, device credentials
/// on. The bench is then an independent load generator, as issue 14 measured: the app's threads, garbage collector
/// and thread pool are not shared with 1,000 clients.
/// </summary>
internal sealed class AppProcess : ISecureTarget, IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("digitaltwin-bench-app-").FullName;
    private readonly Process _process;
    private readonly HttpClient _http;

    private AppProcess()
    {
        MqttPort = LocalServices.FreePort();
        var httpPort = LocalServices.FreePort();
        ConnectionString = $"Data Source={Path.Combine(_directory, "bench.db")}";
        _process = Launch(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["ConnectionStrings__DigitalTwin"] = ConnectionString,
            ["Mqtt__Port"] = MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt__MaxConnectionsPerAddress"] = "1000000",
            ["Orleans__SiloPort"] = LocalServices.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Auth__AdminPassword"] = BenchApp.AdminPassword,
            ["Devices__AllowAutoRegistration"] = "false",
            ["Simulator__Count"] = "0",
            ["Power__SeedSampleData"] = "false",
        }, Path.Combine(_directory, "app.log"));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int MqttPort { get; }

    public string ConnectionString { get; }

    /// <summary>Not read per PUBACK across processes: the in-process run checks that no PUBACK precedes its commit.</summary>
    public Func<long>? Committed => null;

    public static async Task<AppProcess> StartAsync()
    {
        var app = new AppProcess();
        await LocalServices.WaitAsync(() => IsReadyAsync(app._http.BaseAddress!.ToString().TrimEnd('/')), TimeSpan.FromSeconds(90), "the app to be ready");
        await BenchApp.SignInAsAdminAsync(app._http);
        return app;
    }

    /// <summary>Registers the devices through <c>POST /api/devices</c>, as an operator's script would; returns each one's secret.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<string> ids)
    {
        var secrets = new Dictionary<string, string>();
        foreach (var chunk in ids.Chunk(16))
        {
            foreach (var (id, secret) in await Task.WhenAll(chunk.Select(CreateAsync)))
            {
                secrets[id] = secret;
            }
        }
        return secrets;
    }

    /// <summary>Messages the app refused, every reason (<c>/api/diagnostics/ingest</c>).</summary>
    public async Task<long> RejectedAsync()
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync("/api/diagnostics/ingest"));
        return body.RootElement.GetProperty("counters").GetProperty("rejected").EnumerateObject().Sum(r => r.Value.GetInt64());
    }

    public Task<long> CountSamplesAsync() => BenchApp.CountSamplesAsync(ConnectionString);

    /// <summary>
    /// Starts <c>dotnet DigitalTwin.Web.dll</c> from the bench's output in Production with Warning logs and these
    /// settings (environment variables) besides; its output goes to <paramref name="log"/>.
    /// </summary>
    public static Process Launch(IReadOnlyDictionary<string, string> settings, string log)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "DigitalTwin.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => File.AppendAllText(log, e.Data + "\n");
        process.ErrorDataReceived += (_, e) => File.AppendAllText(log, e.Data + "\n");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Whether the app at <paramref name="baseAddress"/> answers <c>/health/ready</c> with success.</summary>
    public static async Task<bool> IsReadyAsync(string baseAddress)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetAsync($"{baseAddress}/health/ready")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(string Id, string Secret)> CreateAsync(string id)
    {
        using var response = await _http.PostAsJsonAsync("/api/devices", new { id, kind = "thermometer" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (id, body.RootElement.GetProperty("secret").GetString()!);
    }

}
