using System.Diagnostics;
using System.Reflection;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Hosting;

/// <summary>
/// `dotnet publish` of DigitalTwin.Web once per test run (it takes a while), into a temp folder, and the published
/// binary started from another, empty working directory the way a service would be: JSON console logs, the sample
/// data seeded, the simulator publishing. Removed afterwards.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private readonly string _root = DigitalTwinAppFactory.CreateTempDirectory();

    public string PublishDirectory => Path.Combine(_root, "published");

    /// <summary>The working directory the app is started from: empty, and not where the app lives.</summary>
    public string WorkingDirectory => Path.Combine(_root, "elsewhere");

    public AppProcess App { get; private set; } = null!;

    /// <summary>Kept across a restart, so browsers and devices find the app where it was.</summary>
    private readonly int _httpPort = FreePort.Tcp();
    private readonly int _mqttPort = FreePort.Tcp();
    private readonly int _siloPort = FreePort.Tcp();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkingDirectory);
        await PublishAsync();
        await StartAsync();
    }

    /// <summary>A crash and a start again, as a service manager would restart it (SIGKILL: no shutdown code runs).</summary>
    public async Task RestartAsync()
    {
        await App.KillAsync();
        await App.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(PublishDirectory, "DigitalTwin.Web")) { WorkingDirectory = WorkingDirectory };
        App = await AppProcess.StartAsync(start, new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Simulator__Count"] = "1",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_httpPort}",
            ["Orleans__SiloPort"] = _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, _mqttPort, _httpPort);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        DigitalTwinAppFactory.DeleteDirectory(_root);
    }

    /// <summary>Publishes the project this test assembly was built from, in the same configuration (so it is up to date).</summary>
    private async Task PublishAsync()
    {
        var configuration = typeof(PublishedAppFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryRoot(), "DigitalTwin.Web", "DigitalTwin.Web.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "-o", PublishDirectory, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DigitalTwin.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("DigitalTwin.sln not found above " + AppContext.BaseDirectory);
    }
}
