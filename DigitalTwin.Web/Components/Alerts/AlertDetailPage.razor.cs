using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>One alert: its values, its rule, every transition and every notification attempt; live.</summary>
public sealed partial class AlertDetailPage : LivePage
{
    private List<BreadcrumbItem> _breadcrumbs = [];
    private AlertDetails? _details;
    private AlertRule? _rule;
    private bool _loading = true;

    // The feed announces a change before the writer commits its history row: read again on the next two refreshes.
    private readonly PendingReload _reload = new(reads: 2);

    [Parameter]
    public long Id { get; set; }

    [Inject]
    public required AlertQueryService Alerts { get; init; }

    [Inject]
    public required AlertRuleService Rules { get; init; }

    [Inject]
    public required AlertActions Actions { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _breadcrumbs = [new(L["Nav.Alerts"], href: "/alerts"), new(L["AlertDetail.Crumb", Id], href: null, disabled: true)];
        Listen(Alerts.Subscribe(change =>
        {
            if (change.Alert.Id == Id)
            {
                _reload.Ask();
                Invalidate();
            }
        }));
        await LoadAsync();
        _loading = false;
    }

    protected override async Task RefreshAsync()
    {
        if (await _reload.RunAsync(LoadAsync))
        {
            // A second read a moment later catches the rows the writer had not committed yet.
            Invalidate();
        }
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        _details = await Alerts.GetAlertAsync(Id);
        _rule = _details is null ? null : await Rules.GetRuleAsync(_details.Alert.RuleId);
    }

    private async Task AcknowledgeAsync()
    {
        if (_details is not null && await Actions.AcknowledgeAsync(_details.Alert) is not null)
        {
            await LoadAsync();
        }
    }

    private async Task ClearAsync()
    {
        if (_details is not null && await Actions.ClearAsync(_details.Alert) is not null)
        {
            await LoadAsync();
        }
    }

    /// <summary>The history with runs of re-triggers folded into their last entry and a count: one per reading is noise here.</summary>
    private IEnumerable<(AlertHistoryEntry Entry, int Repeats)> HistoryRows
    {
        get
        {
            var history = _details?.History ?? [];
            for (var i = 0; i < history.Count; i++)
            {
                var repeats = 1;
                while (history[i].Transition == AlertTransition.Retriggered && i + 1 < history.Count && history[i + 1].Transition == AlertTransition.Retriggered)
                {
                    i++;
                    repeats++;
                }
                yield return (history[i], repeats);
            }
        }
    }

    private static string Local(DateTimeOffset? at) =>
        at?.ToLocalTime().ToString("G", CultureInfo.CurrentCulture) ?? "—";

    private string Describe(AlertTransition transition) =>
        Enum.IsDefined(transition) ? L[$"AlertDetail.Transition.{transition}"] : transition.ToString();

    private static Color TransitionColor(AlertTransition transition) => transition switch
    {
        AlertTransition.BecameActive or AlertTransition.Renotified => Color.Error,
        AlertTransition.BecamePending or AlertTransition.Retriggered => Color.Warning,
        AlertTransition.Cleared or AlertTransition.Resolved => Color.Success,
        _ => Color.Primary,
    };

    private static Color DeliveryColor(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Succeeded => Color.Success,
        DeliveryStatus.Failed => Color.Warning,
        DeliveryStatus.GaveUp => Color.Error,
        _ => Color.Default,
    };
}
