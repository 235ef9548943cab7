using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace DigitalTwin.Bench;

/// <summary>mosquitto and redis-server as processes of their own on free loopback ports, stopped and cleaned up on dispose.</summary>
internal sealed class LocalServices : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bench-services-").FullName;
    private readonly List<Process> _processes = [];

    /// <param name="settings">mosquitto.conf lines beside the listener (anonymous clients allowed).</param>
    public async Task<int> StartMosquittoAsync(params string[] settings)
    {
        var port = FreePort();
        var config = Path.Combine(_directory, $"mosquitto-{port}.conf");
        await File.WriteAllLinesAsync(config,
            [$"listener {port} 127.0.0.1", "allow_anonymous true", $"persistence_location {_directory}/", "user root", .. settings]);
        _processes.Add(Start("/usr/sbin/mosquitto", ["-c", config]));
        await WaitAsync(() => Task.FromResult(Listening(port)), TimeSpan.FromSeconds(10), "mosquitto");
        return port;
    }

    /// <summary>An in-memory redis-server (nothing saved).</summary>
    public async Task<int> StartRedisAsync()
    {
        var port = FreePort();
        _processes.Add(Start("/usr/bin/redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]));
        await WaitAsync(() => Task.FromResult(Listening(port)), TimeSpan.FromSeconds(10), "redis-server");
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
        Directory.Delete(_directory, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:N0} s waiting for {what}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Output is read and dropped: a full pipe would block mosquitto once a thousand connects were logged.</summary>
    private static Process Start(string file, string[] arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start (apt-get install mosquitto redis-server).");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
