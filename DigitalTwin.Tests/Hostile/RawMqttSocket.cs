using System.Net;
using System.Net.Sockets;

namespace DigitalTwin.Tests.Hostile;

/// <summary>A bare TCP connection to the broker that writes whatever bytes a test makes up, as a hostile client would.</summary>
public sealed class RawMqttSocket : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawMqttSocket(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <param name="from">The local address to connect from (any of 127.0.0.0/8 on Linux), so a test can play several hosts.</param>
    public static async Task<RawMqttSocket> ConnectAsync(int port, string from = "127.0.0.1")
    {
        var client = new TcpClient(new IPEndPoint(IPAddress.Parse(from), 0));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return new RawMqttSocket(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The fixed header of a CONNECT packet announcing <paramref name="remainingLength"/> bytes to follow.</summary>
    public static byte[] ConnectHeader(int remainingLength) => [0x10, .. RemainingLength(remainingLength)];

    /// <summary>MQTT's variable byte integer: 7 bits a byte, high bit set while more follow.</summary>
    public static byte[] RemainingLength(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            bytes.Add(value > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (value > 0);
        return [.. bytes];
    }

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Whether the broker closed the connection within <paramref name="within"/> (reads and drops anything it sent).</summary>
    public async Task<bool> IsClosedWithinAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[1024];
        try
        {
            while (await _stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            // Reset by the broker: closed too.
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
