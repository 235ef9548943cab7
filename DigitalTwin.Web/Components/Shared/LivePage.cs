using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// A page that shows live data: it listens to a feed, re-renders through a <see cref="LiveRefresh"/>
/// throttle once interactive, and lets go of both when the circuit leaves the page. When a refresh fails (the
/// database or a silo briefly gone), the page keeps what it shows, says live updates are paused, and tries again.
/// While the browser is disconnected (<see cref="CircuitLink"/>) it reads and renders nothing, and refreshes at once
/// when the browser is back.
/// </summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    private const string PausedKey = "live-paused";
    private const string ResumedKey = "live-resumed";
    private static readonly TimeSpan BrowserAckTimeout = TimeSpan.FromSeconds(5);

    private IDisposable[] _subscriptions = [];
    private LiveRefresh? _refresh;
    private TaskCompletionSource? _rendered;
    private bool _paused;

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required IStringLocalizer<SharedResource> Localizer { get; init; }

    [Inject]
    public required ILogger<LivePage> Log { get; init; }

    [Inject]
    public required CircuitLink Link { get; init; }

    /// <summary>The time of the latest render, for relative times such as "5 s ago".</summary>
    protected DateTimeOffset Now { get; private set; }

    public async ValueTask DisposeAsync()
    {
        Release();
        Link.Reconnected -= Invalidate;
        _rendered?.TrySetResult();
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

    /// <summary>
    /// Renders, and returns once the browser has applied the render (or after a few seconds without word from it):
    /// for heavy browser work, such as redrawing a chart, that should not hold the new values off the screen.
    /// </summary>
    protected async Task RenderInBrowserAsync()
    {
        var rendered = _rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StateHasChanged();
        await rendered.Task.WaitAsync(BrowserAckTimeout, Time)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // On Blazor Server this runs once the browser has acknowledged the render batch.
        _rendered?.TrySetResult();
        // Not during prerendering: the throttle starts with the interactive circuit.
        if (firstRender)
        {
            _refresh = new LiveRefresh(() => InvokeAsync(RefreshLiveAsync), OnRefreshFailedAsync, Time);
            Link.Reconnected += Invalidate;
        }
    }

    private async Task RefreshLiveAsync()
    {
        if (!Link.IsConnected)
        {
            return;
        }
        Now = Time.GetUtcNow();
        await RefreshAsync();
        if (_paused)
        {
            _paused = false;
            Snackbar.RemoveByKey(PausedKey);
            Snackbar.Add(Localizer["Live.Resumed"], Severity.Success, configure: null, key: ResumedKey);
        }
    }

    private async Task<bool> OnRefreshFailedAsync(Exception exception)
    {
        if (exception is JSDisconnectedException)
        {
            return false;
        }
        Log.LogError(exception, "Live updates of {Page} failed; trying again", GetType().Name);
        await InvokeAsync(() =>
        {
            if (!_paused)
            {
                _paused = true;
                Snackbar.Add(Localizer["Live.Paused"], Severity.Warning, o => o.RequireInteraction = true, PausedKey);
            }
        });
        return true;
    }
}
