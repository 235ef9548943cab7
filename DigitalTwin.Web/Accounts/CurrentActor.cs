using DigitalTwin.Core.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DigitalTwin.Web.Accounts;

/// <summary>The browser's address, taken when its circuit connects (a circuit has no request of its own afterwards).</summary>
public sealed class ClientAddress
{
    public string? Value { get; set; }
}

public sealed class ClientAddressCircuitHandler(IHttpContextAccessor accessor, ClientAddress address) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Value = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? address.Value;
        return Task.CompletedTask;
    }
}

/// <summary>Who is acting in this circuit: the signed-in user and their browser's address.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, ClientAddress address)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor(address.Value);
    }
}
