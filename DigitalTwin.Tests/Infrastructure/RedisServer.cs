using System.Diagnostics;
using System.Globalization;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>A real redis-server (Debian's package) on a free loopback port, in memory only: the cluster's membership table.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string the app takes (Cluster:Redis).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's redis-server (scripts/test.sh does).");
        }
        var port = FreePort.Tcp();
        var process = Process.Start(new ProcessStartInfo(Executable,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var server = new RedisServer(process, port);
        await Eventually.TrueAsync(() => Task.FromResult(FreePort.IsListening(port)), TimeSpan.FromSeconds(10), $"redis-server to listen on {port}");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
