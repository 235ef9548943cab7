using Bunit;
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
    }

    protected BunitContext Context { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
