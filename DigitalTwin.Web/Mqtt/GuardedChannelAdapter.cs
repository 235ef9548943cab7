using System.Net;
using System.Security.Cryptography.X509Certificates;
using DigitalTwin.Core.Mqtt;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// MQTTnet's adapter for one connection, watched: a successful CONNACK ends the connection's pending state (and, to
/// MQTT 5 clients, announces Mqtt:MaxPacketSize); a packet over that size is counted, and an MQTT 5 client is told
/// why with DISCONNECT "packet too large" before the connection closes.
/// </summary>
public sealed class GuardedChannelAdapter(MqttChannelAdapter inner, ConnectionGate.Admission admission, int maxPacketSize, BrokerRefusals refusals)
    : IMqttChannelAdapter
{
    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    private bool IsMqtt5 => inner.PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.V500;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReceivePacketAsync(cancellationToken);
        }
        catch (Exception ex) when (TooLarge(ex) is { } tooLarge)
        {
            refusals.Report(BrokerRefusal.MaxPacketSize, RemoteEndPoint, tooLarge.Message);
            if (IsMqtt5 && admission.IsAuthenticated)
            {
                await TryTellTooLargeAsync(cancellationToken);
            }
            throw;
        }
    }

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (packet is MqttConnAckPacket connAck)
        {
            if (IsMqtt5)
            {
                connAck.MaximumPacketSize = (uint)maxPacketSize;
            }
            if (connAck.ReasonCode == MqttConnectReasonCode.Success)
            {
                admission.MarkAuthenticated();
            }
        }
        return inner.SendPacketAsync(packet, cancellationToken);
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public void Dispose() => inner.Dispose();

    private async Task TryTellTooLargeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.SendPacketAsync(new MqttDisconnectPacket { ReasonCode = MqttDisconnectReasonCode.PacketTooLarge }, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The client is gone already; the connection closes either way.
        }
    }

    private static PacketTooLargeException? TooLarge(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PacketTooLargeException tooLarge)
            {
                return tooLarge;
            }
        }
        return null;
    }
}
