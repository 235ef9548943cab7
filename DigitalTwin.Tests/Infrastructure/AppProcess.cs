using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// The app as its own OS process (the built DigitalTwin.Web.dll beside the tests), so a test can kill it
/// hard (SIGKILL) the way a power cut or an OOM kill would, and start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int httpPort, int mqttPort)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        MqttPort = mqttPort;
    }

    public HttpClient Http { get; }

    public int MqttPort { get; }

    /// <summary>What the app wrote to standard output, line by line.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    public static Task<AppProcess> StartAsync(string databasePath, int mqttPort) =>
        StartAsync(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "DigitalTwin.Web.dll")]) { WorkingDirectory = Path.GetDirectoryName(databasePath)! },
            new Dictionary<string, string>
            {
                ["ConnectionStrings__DigitalTwin"] = $"Data Source={databasePath}",
                ["Simulator__Count"] = "0",
                ["Power__SeedSampleData"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
            mqttPort);

    /// <summary>
    /// Starts the program <paramref name="start"/> names (the built dll, or a published binary) on free ports, in
    /// Production, with the test admin's password, then <paramref name="environment"/>; returns once it answers, signed in.
    /// </summary>
    public static async Task<AppProcess> StartAsync(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, int mqttPort, int? httpPort = null)
    {
        httpPort ??= FreePort.Tcp();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__SiloPort"] = FreePort.Tcp().ToString(CultureInfo.InvariantCulture);
        start.Environment["Auth__AdminPassword"] = DigitalTwinAppFactory.AdminPassword;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var app = new AppProcess(process, httpPort.Value, mqttPort);
        process.OutputDataReceived += (_, e) => app.Output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => app.Output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.TrueAsync(app.IsUpAsync, TimeSpan.FromSeconds(60), "the app process to answer HTTP");
            await app.SignInAsync();
            return app;
        }
        catch (Exception ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app process did not come up: {ex.Message}\nIts last output:\n{string.Join("\n", app.Output.TakeLast(40))}", ex);
        }
    }

    /// <summary>Registers a device through the API; returns its secret (its MQTT password).</summary>
    public async Task<string> CreateDeviceAsync(string deviceId)
    {
        using var response = await Http.PostAsJsonAsync("api/devices", new { id = deviceId, kind = "thermometer" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/devices {deviceId}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed by the app.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
        Http.Dispose();
    }

    private async Task SignInAsync()
    {
        using var response = await Http.PostAsJsonAsync("api/auth/token",
            new { userName = DigitalTwinAppFactory.AdminUserName, password = DigitalTwinAppFactory.AdminPassword, name = "tests" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/auth/token: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString();
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Up when the sign-in page answers (every API call needs a token, which needs the app up).</summary>
    private async Task<bool> IsUpAsync()
    {
        try
        {
            return (await Http.GetAsync("account/login")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
