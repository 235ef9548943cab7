using Bunit;
using Bunit.TestDoubles;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DigitalTwin.Tests.Components;

/// <summary>
/// A bUnit context set up for MudBlazor: loose JS interop (MudBlazor and the charts call JS that
/// bUnit need not emulate) and the Mud services. The context is disposed asynchronously because
/// MudBlazor's KeyInterceptorService only supports async disposal.
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        // Components read their texts through IStringLocalizer<SharedResource>; the tests run in English, the default.
        Context.Services.AddLocalization();
        // Live pages ask whether the browser is connected; in bUnit it always is, unless a test says otherwise.
        Context.Services.AddScoped<DigitalTwin.Web.Components.Shared.CircuitLink>();
        // Signed in with every role, as the first admin; tests of what a narrower role sees change this.
        Authorization = Context.AddAuthorization();
        Authorization.SetAuthorized("admin");
        Authorization.SetRoles([.. Roles.All]);
        Authorization.SetPolicies(Policies.Read, Policies.Operate, Policies.Analyze, Policies.Admin);
    }

    protected BunitContext Context { get; } = new();

    protected BunitAuthorizationContext Authorization { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
