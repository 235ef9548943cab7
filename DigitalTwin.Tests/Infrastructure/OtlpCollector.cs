using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// Stands in for an OpenTelemetry collector's OTLP/HTTP receiver (http/protobuf): accepts every export on a free
/// port and keeps the bodies by signal path (/v1/traces, /v1/logs, /v1/metrics). Protobuf keeps strings as UTF-8,
/// so a test can look for span and service names in the bytes without decoding the messages.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly Task _loop;

    public OtlpCollector()
    {
        Port = FreePort.Tcp();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>All bodies exported to the path so far, as text (protobuf strings readable, the rest noise).</summary>
    public string Received(string path) =>
        string.Join('\n', _exports.Where(e => e.Path == path).Select(e => Encoding.UTF8.GetString(e.Body)));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop;
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
