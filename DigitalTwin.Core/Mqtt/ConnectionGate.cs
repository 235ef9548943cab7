using System.Net;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Mqtt;

/// <summary>
/// Admits a new broker connection only within the caps on connections in total, per remote address, and not yet
/// accepted by CONNACK (pending). Checked as a socket is accepted, before a byte of it is read.
/// </summary>
public sealed class ConnectionGate(IOptions<MqttOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, int> _byAddress = [];
    private int _open;
    private int _pending;

    public int Open => Volatile.Read(ref _open);

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>An admission to dispose when the connection closes, or null and which cap refused it.</summary>
    public Admission? TryAdmit(IPAddress address, out BrokerRefusal refusal)
    {
        var settings = options.Value;
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        lock (_lock)
        {
            var fromAddress = _byAddress.GetValueOrDefault(address);
            refusal = _open >= settings.MaxConnections ? BrokerRefusal.MaxConnections
                : fromAddress >= settings.MaxConnectionsPerAddress ? BrokerRefusal.MaxConnectionsPerAddress
                : _pending >= settings.MaxPendingConnections ? BrokerRefusal.MaxPendingConnections
                : default;
            if (refusal != default)
            {
                return null;
            }
            _byAddress[address] = fromAddress + 1;
            _open++;
            _pending++;
        }
        return new Admission(this, address);
    }

    private void Authenticated()
    {
        lock (_lock)
        {
            _pending--;
        }
    }

    private void Release(IPAddress address, bool pending)
    {
        lock (_lock)
        {
            _open--;
            if (pending)
            {
                _pending--;
            }
            if (_byAddress[address] == 1)
            {
                _byAddress.Remove(address);
            }
            else
            {
                _byAddress[address]--;
            }
        }
    }

    /// <summary>One admitted connection: pending until <see cref="MarkAuthenticated"/>, counted until disposed.</summary>
    public sealed class Admission(ConnectionGate gate, IPAddress address) : IDisposable
    {
        private int _state; // 0 pending, 1 authenticated, 2 released

        public bool IsAuthenticated => Volatile.Read(ref _state) == 1;

        public void MarkAuthenticated()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                gate.Authenticated();
            }
        }

        public void Dispose()
        {
            var previous = Interlocked.Exchange(ref _state, 2);
            if (previous != 2)
            {
                gate.Release(address, pending: previous == 0);
            }
        }
    }
}
