using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using DigitalTwin.Core.Mqtt;
using MQTTnet.Channel;

namespace DigitalTwin.Web.Mqtt;

/// <summary>Thrown from a read whose bytes complete a fixed header announcing a packet over Mqtt:MaxPacketSize.</summary>
public sealed class PacketTooLargeException(long remainingLength, int maxPacketSize)
    : IOException($"A packet announced {remainingLength:N0} bytes; at most {maxPacketSize:N0} are accepted (Mqtt:MaxPacketSize).")
{
    public long RemainingLength { get; } = remainingLength;
}

/// <summary>
/// The connection's channel, with every byte read passed through a <see cref="PacketSizeScanner"/>: MQTTnet allocates
/// a packet's whole body as soon as it has read the fixed header, so the header must be refused before MQTTnet sees it.
/// </summary>
public sealed class SizeLimitedChannel(IMqttChannel inner, int maxPacketSize) : IMqttChannel
{
    private readonly PacketSizeScanner _scanner = new(maxPacketSize);

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(buffer, offset, count, cancellationToken);
        if (!_scanner.Accept(buffer.AsSpan(offset, read)))
        {
            throw new PacketTooLargeException(_scanner.Refused, maxPacketSize);
        }
        return read;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public void Dispose() => inner.Dispose();
}
