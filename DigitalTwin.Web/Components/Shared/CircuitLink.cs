using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// Whether this circuit's browser is connected. A phone that sleeps or loses the network leaves its circuit on the
/// server for a few minutes (Blazor's retention period): live pages stop reading and rendering for it then, and
/// refresh at once when it comes back.
/// </summary>
public sealed class CircuitLink
{
    private volatile bool _connected = true;

    public bool IsConnected => _connected;

    /// <summary>Raised on the circuit's connection thread when the browser is back.</summary>
    public event Action? Reconnected;

    public void Down() => _connected = false;

    public void Up()
    {
        if (!_connected)
        {
            _connected = true;
            Reconnected?.Invoke();
        }
    }
}

/// <summary>Tells the circuit's <see cref="CircuitLink"/> when its browser connection goes down and comes back.</summary>
public sealed class CircuitLinkHandler(CircuitLink link) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        link.Down();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        link.Up();
        return Task.CompletedTask;
    }
}
