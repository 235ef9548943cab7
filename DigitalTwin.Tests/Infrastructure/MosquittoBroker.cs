using System.Diagnostics;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// A real mosquitto (Debian's package) on a free loopback port, with persistence in a temp folder so a
/// restart keeps sessions and queued messages, and queues large enough not to drop a QoS 1 burst
/// (mosquitto's default of 1,000 queued messages per client would).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string _directory = Directory.CreateTempSubdirectory("mosquitto-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort.Tcp();

    public static async Task<MosquittoBroker> StartAsync()
    {
        var broker = new MosquittoBroker();
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Stops the broker the normal way (it saves its sessions and queues) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartProcessAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's mosquitto (scripts/test.sh does).");
        }
        var config = Path.Combine(_directory, "mosquitto.conf");
        await File.WriteAllLinesAsync(config,
        [
            $"listener {Port} 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            $"persistence_location {_directory}/",
            "max_queued_messages 1000000",
            "max_inflight_messages 100",
            // Running as root in CI: stay root, so the persistence folder stays writable.
            "user root",
        ]);
        _process = Process.Start(new ProcessStartInfo(Executable, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await Eventually.TrueAsync(() => Task.FromResult(FreePort.IsListening(Port)), TimeSpan.FromSeconds(10), $"mosquitto to listen on {Port}");
    }
}
