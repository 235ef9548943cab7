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

    public static async Task<AppProcess> StartAsync(string databasePath, int mqttPort)
    {
        var httpPort = FreePort.Tcp();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "DigitalTwin.Web.dll")])
        {
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__DigitalTwin"] = $"Data Source={databasePath}",
                ["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
                ["Orleans__SiloPort"] = FreePort.Tcp().ToString(CultureInfo.InvariantCulture),
                ["Simulator__Count"] = "0",
                ["Power__SeedSampleData"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Auth__AdminPassword"] = DigitalTwinAppFactory.AdminPassword,
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, httpPort, mqttPort);
        try
        {
            await Eventually.TrueAsync(app.IsUpAsync, TimeSpan.FromSeconds(60), "the app process to answer HTTP");
            await app.SignInAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
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
