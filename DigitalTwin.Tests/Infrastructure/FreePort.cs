using System.Net;
using System.Net.Sockets;

namespace DigitalTwin.Tests.Infrastructure;

public static class FreePort
{
    // Ports below the kernel's ephemeral range: an outgoing connection (an HTTP client, a database pool) never takes
    // one of these as its local port between our check and the app's bind, which a port from bind(0) cannot promise.
    private const int First = 20000;
    private const int Last = 32000;
    private static int _next = First + Random.Shared.Next(Last - First);

    /// <summary>A TCP port nobody listens on right now, never handed out twice by this process.</summary>
    public static int Tcp()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) - First) % (Last - First);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free TCP port between {First} and {Last}.");
    }

    /// <summary>Whether a server (one the test started) accepts connections on the loopback port yet.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
