using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using DigitalTwin.Core.Mqtt;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// The embedded broker's TCP listeners (plain text on Mqtt:Port unless Mqtt:AllowPlainText is off, TLS on
/// Mqtt:Tls:Port when a certificate is configured), in place of MQTTnet's own so that limits apply before trust:
/// the connection caps as a socket is accepted, Mqtt:ConnectTimeout from accept to a successful CONNACK (TLS
/// handshake included), and Mqtt:MaxPacketSize on every fixed header before MQTTnet buffers the packet.
/// </summary>
public sealed partial class GuardedServerAdapter(
    MqttOptions settings, X509Certificate2? certificate, ConnectionGate gate, BrokerRefusals refusals, ILogger logger)
    : IMqttServerAdapter
{
    private readonly List<Socket> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private MqttServerOptions _serverOptions = new();
    private IMqttNetLogger _mqttLogger = MqttNetNullLogger.Instance;
    private int _disposed;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        (_serverOptions, _mqttLogger) = (options, logger);
        var address = IPAddress.Parse(settings.BindAddress);
        if (settings.AllowPlainText)
        {
            Listen(address, settings.Port, tls: false);
        }
        if (certificate is not null)
        {
            Listen(address, settings.Tls.Port, tls: true);
        }
        return Task.CompletedTask;
    }

    /// <remarks>Stops accepting; open connections are closed by the server as it stops.</remarks>
    public Task StopAsync()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _stopping.Cancel();
        }
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
        _listeners.Clear();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        StopAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    /// <summary>An IPv4 address also gets the matching IPv6 scope (loopback or any), as MQTTnet's listener did.</summary>
    private void Listen(IPAddress address, int port, bool tls)
    {
        List<Socket> listeners = [Bind(address, port)];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            try
            {
                listeners.Add(Bind(IPAddress.IsLoopback(address) ? IPAddress.IPv6Loopback : IPAddress.IPv6Any, port));
            }
            catch (SocketException ex)
            {
                LogNoIpv6(ex, port);
            }
        }
        foreach (var listener in listeners)
        {
            _listeners.Add(listener);
            _ = AcceptLoopAsync(listener, tls, _stopping.Token);
        }
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync(Socket listener, bool tls, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptAsync(stopping);
                // Admitted here, in the order connections arrive, before any work is spent on them.
                if (Admit(client) is { } admission)
                {
                    _ = Task.Run(() => HandleAsync(client, admission, tls), CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(ex);
            }
        }
    }

    private ConnectionGate.Admission? Admit(Socket socket)
    {
        if (socket.RemoteEndPoint is IPEndPoint remote)
        {
            if (gate.TryAdmit(remote.Address, out var refusal) is { } admission)
            {
                return admission;
            }
            refusals.Report(refusal, remote, $"closed at once ({refusal} reached)");
        }
        socket.Dispose();
        return null;
    }

    private async Task HandleAsync(Socket socket, ConnectionGate.Admission admission, bool tls)
    {
        using var admitted = admission;
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        socket.NoDelay = true;
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        using var deadline = new CancellationTokenSource(settings.ConnectTimeout);
        // Closing the socket is what stops MQTTnet waiting for a CONNECT that never comes (or never completes).
        using var closeIfPending = deadline.Token.Register(() => CloseIfPending(admission, socket, remote));
        try
        {
            if (tls)
            {
                stream = await AuthenticateAsync(stream, deadline.Token);
            }
            await RunMqttAsync(stream, socket, admission);
        }
        catch (Exception ex) when (ex is IOException or AuthenticationException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (tls && !admission.IsAuthenticated && !deadline.IsCancellationRequested)
            {
                refusals.Report(BrokerRefusal.TlsHandshake, remote, ex.Message);
            }
        }
        catch (Exception ex)
        {
            LogConnectionFailed(ex, remote.ToString());
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private void CloseIfPending(ConnectionGate.Admission admission, Socket socket, IPEndPoint remote)
    {
        if (!admission.IsAuthenticated)
        {
            refusals.Report(BrokerRefusal.ConnectTimeout, remote, $"not connected within {settings.ConnectTimeout.TotalSeconds:N0} s (Mqtt:ConnectTimeout)");
            socket.Dispose();
        }
    }

    private async Task<Stream> AuthenticateAsync(Stream stream, CancellationToken deadline)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            ClientCertificateRequired = false,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            EncryptionPolicy = EncryptionPolicy.RequireEncryption,
        }, deadline);
        return ssl;
    }

    private async Task RunMqttAsync(Stream stream, Socket socket, ConnectionGate.Admission admission)
    {
        if (ClientHandler is not { } handler)
        {
            return;
        }
        var tcp = new MqttTcpChannel(stream, socket.LocalEndPoint, socket.RemoteEndPoint, null);
        var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_serverOptions.WriterBufferSize, _serverOptions.WriterBufferSizeMax));
        using var inner = new MqttChannelAdapter(new SizeLimitedChannel(tcp, settings.MaxPacketSize), formatter, _mqttLogger);
        inner.AllowPacketFragmentation = _serverOptions.DefaultEndpointOptions.AllowPacketFragmentation;
        using var adapter = new GuardedChannelAdapter(inner, admission, settings.MaxPacketSize, refusals);
        await handler(adapter);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker: no IPv6 listener on port {Port}")]
    private partial void LogNoIpv6(Exception exception, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT broker: accepting a connection failed")]
    private partial void LogAcceptFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker: connection from {Remote} failed")]
    private partial void LogConnectionFailed(Exception exception, string remote);
}
