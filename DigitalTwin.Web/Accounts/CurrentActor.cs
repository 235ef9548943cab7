using DigitalTwin.Core.Audit;
using Microsoft.AspNetCore.Authorization;
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
public sealed class CurrentActor(
    AuthenticationStateProvider authentication, IAuthorizationService authorization, ClientAddress address, ILogger<CurrentActor> logger)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor(address.Value);
    }

    /// <summary>
    /// The actor, once the user's roles allow <paramref name="policy"/> now. Buttons a role may not use are hidden,
    /// but a circuit can still be sent their events (or the roles changed since the page rendered): this is the
    /// server's own check before any change.
    /// </summary>
    /// <exception cref="ActionRefusedException">The user may not.</exception>
    public async Task<Actor> DemandAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            logger.LogWarning("Refused a {Policy} action in the UI to {User} from {Address}.", policy, user.Identity?.Name ?? "anonymous", address.Value);
            throw new ActionRefusedException(policy);
        }
        return user.ToActor(address.Value);
    }
}

/// <summary>A change the signed-in user's roles do not allow.</summary>
public sealed class ActionRefusedException(string policy)
    : InvalidOperationException($"Your roles do not allow this: it needs the {policy} permission.")
{
    public string Policy { get; } = policy;
}
