using DigitalTwin.Web.Localization;
using System.Collections.Concurrent;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>
/// The alert side of the layout, one per circuit: a snackbar the moment an alert becomes active or clears, and the
/// bell with the count of unacknowledged active alerts. It holds the circuit's one subscription to the alert feed,
/// taken once interactive (not while prerendering) and released with the circuit. Changes are collected as they come
/// and applied behind the live pages' throttle: a burst of alerts is one render, and no database query.
/// </summary>
public sealed partial class AlertNotifications : LivePage
{
    private const int BellItems = 8;

    private readonly Dictionary<long, Alert> _latest = [];
    private readonly ConcurrentQueue<AlertChange> _changes = new();
    private bool _live;
    private int _count;

    [Inject]
    public required AlertQueryService Alerts { get; init; }

    [Inject]
    public required AlertRuleService Rules { get; init; }

    [Inject]
    public required AlertActions Actions { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    private string BellLabel => _count switch
    {
        0 => L["Bell.None"],
        1 => L["Bell.One"],
        _ => L["Bell.Many", _count],
    };

    private IEnumerable<Alert> Latest => _latest.Values
        .OrderBy(a => a.Severity).ThenByDescending(a => a.ActivatedAt).Take(BellItems);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _count = Alerts.UnacknowledgedCount;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        // Listen first, then load: a change in between is applied over the loaded list, never lost.
        Listen(Alerts.Subscribe(change =>
        {
            _changes.Enqueue(change);
            Invalidate();
        }));
        _live = true;
        var open = await Alerts.QueryAlertsAsync(new AlertQuery(State: AlertState.Active, Acknowledged: false, Limit: BellItems * 4));
        foreach (var alert in open)
        {
            _latest.TryAdd(alert.Id, alert);
        }
        _count = Alerts.UnacknowledgedCount;
        StateHasChanged();
    }

    /// <summary>Every change since the last refresh at once; nothing to render when none came.</summary>
    protected override Task RefreshAsync()
    {
        if (_changes.IsEmpty)
        {
            return Task.CompletedTask;
        }
        var announced = new List<AlertChange>();
        while (_changes.TryDequeue(out var change))
        {
            var alert = change.Alert;
            if (alert.State == AlertState.Active && !alert.Acknowledged)
            {
                _latest[alert.Id] = alert;
            }
            else
            {
                _latest.Remove(alert.Id);
            }
            if (change.Transition == AlertTransition.BecameActive
                || (change.Transition == AlertTransition.Cleared && alert.ActivatedAt is not null))
            {
                announced.Add(change);
            }
        }
        // The engine's count now, not the one in a change: changes published from two threads may arrive out of order.
        _count = Alerts.UnacknowledgedCount;
        announced.ForEach(ShowSnackbar);
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void ShowSnackbar(AlertChange change)
    {
        var alert = change.Alert;
        var cleared = change.Transition == AlertTransition.Cleared;
        var rule = cleared ? null : Rules.Applied(alert.RuleId);
        var link = $"/alerts/{alert.Id}";
        // The key makes the same transition of the same alert show once, however it reaches this circuit.
        Snackbar.Add(L.Headline(change.Transition, alert, rule), cleared ? Severity.Success : AlertStyle.Snackbar(alert.Severity), options =>
        {
            options.Action = cleared ? L["Device.Details"] : L["Bell.Open"];
            options.ActionColor = cleared ? Color.Inherit : Color.Default;
            options.VisibleStateDuration = cleared ? 4_000 : alert.Severity == AlertSeverity.Critical ? 15_000 : 8_000;
            options.ShowCloseIcon = true;
            options.SnackbarTypeClass = cleared ? "alert-snackbar alert-snackbar-cleared" : "alert-snackbar";
            options.OnClick = _ =>
            {
                Navigation.NavigateTo(link);
                return Task.CompletedTask;
            };
        }, key: $"alert-{alert.Id}-{change.Transition}");
    }

    private void OnOpenChanged(bool open)
    {
        if (open)
        {
            _count = Alerts.UnacknowledgedCount;
        }
    }

    private Task AcknowledgeAsync(long id) => Actions.AcknowledgeNowAsync(id);
}
