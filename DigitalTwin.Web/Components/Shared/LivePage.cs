using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// A page that shows live data: it listens to a feed, re-renders through a <see cref="LiveRefresh"/>
/// throttle once interactive, and lets go of both when the circuit leaves the page.
/// </summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    private IDisposable[] _subscriptions = [];
    private LiveRefresh? _refresh;

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>The time of the latest render, for relative times such as "5 s ago".</summary>
    protected DateTimeOffset Now { get; private set; }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_refresh is not null)
        {
            await _refresh.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    protected override void OnInitialized() => Now = Time.GetUtcNow();

    /// <summary>Replaces the page's subscriptions (e.g. when its route parameter changes).</summary>
    protected void Listen(params IDisposable[] subscriptions)
    {
        Release();
        _subscriptions = subscriptions;
    }

    private void Release()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>Data changed: ask for a render. Cheap, safe from any thread.</summary>
    protected void Invalidate() => _refresh?.Invalidate();

    /// <summary>Runs on the renderer at most every 250 ms while data changes, and every second regardless.</summary>
    protected virtual Task RefreshAsync()
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Not during prerendering: the throttle starts with the interactive circuit.
        if (firstRender)
        {
            _refresh = new LiveRefresh(
                () => InvokeAsync(() =>
                {
                    Now = Time.GetUtcNow();
                    return RefreshAsync();
                }),
                DispatchExceptionAsync,
                Time);
        }
    }
}
