using System.Collections.Concurrent;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>Every alert, filtered by state, severity, device, time and acknowledgement; live, with acknowledge and clear.</summary>
public sealed partial class AlertsPage : LivePage
{
    internal static readonly string[] StateChoices = ["Open", "Active", "Pending", "Cleared", "Any"];

    private readonly ConcurrentQueue<AlertChange> _changes = new();
    private Dictionary<long, Alert> _alerts = [];
    private AlertFilter _filter = new();
    private string _state = "Open";
    private bool _loading = true;

    [Inject]
    public required AlertQueryService Alerts { get; init; }

    [Inject]
    public required AlertActions Actions { get; init; }

    /// <summary>Open, Active, Pending, Cleared or Any (links such as the bell's "see all" set the filters).</summary>
    [SupplyParameterFromQuery(Name = "state")]
    public string? StateQuery { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public string? SeverityQuery { get; set; }

    [SupplyParameterFromQuery(Name = "device")]
    public string? DeviceQuery { get; set; }

    [SupplyParameterFromQuery(Name = "acknowledged")]
    public bool? AcknowledgedQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        base.OnInitialized();
        _state = StateChoices.FirstOrDefault(c => string.Equals(c, StateQuery, StringComparison.OrdinalIgnoreCase)) ?? "Open";
        _filter = Filter(new AlertFilter
        {
            Severity = Enum.TryParse<AlertSeverity>(SeverityQuery, ignoreCase: true, out var severity) ? severity : null,
            Device = DeviceQuery ?? "",
            Acknowledged = AcknowledgedQuery,
        });
        Listen(Alerts.Subscribe(change =>
        {
            _changes.Enqueue(change);
            Invalidate();
        }));
        await LoadAsync();
    }

    /// <summary>Applies the alerts that changed since the last render, without asking the database again.</summary>
    protected override Task RefreshAsync()
    {
        while (_changes.TryDequeue(out var change))
        {
            if (change.Transition != AlertTransition.Resolved && _filter.Matches(change.Alert, Now))
            {
                _alerts[change.Alert.Id] = change.Alert;
            }
            else
            {
                _alerts.Remove(change.Alert.Id);
            }
        }
        StateHasChanged();
        return Task.CompletedTask;
    }

    private async Task SetFilterAsync(Action change)
    {
        change();
        _filter = Filter(_filter);
        await LoadAsync();
    }

    private AlertFilter Filter(AlertFilter filter) => filter with
    {
        AnyState = _state == "Any",
        State = Enum.TryParse<AlertState>(_state, out var state) ? state : null,
    };

    private async Task LoadAsync()
    {
        _loading = true;
        var now = Time.GetUtcNow();
        var found = await Alerts.QueryAlertsAsync(_filter.ToQuery(now));
        _alerts = found.ToDictionary(a => a.Id);
        _loading = false;
    }

    private async Task AcknowledgeAsync(Alert alert)
    {
        if (await Actions.AcknowledgeAsync(alert) is { } acknowledged)
        {
            Replace(acknowledged);
        }
    }

    private async Task ClearAsync(Alert alert)
    {
        if (await Actions.ClearAsync(alert) is { } cleared)
        {
            Replace(cleared);
        }
    }

    private void Replace(Alert alert)
    {
        if (_filter.Matches(alert, Time.GetUtcNow()))
        {
            _alerts[alert.Id] = alert;
        }
        else
        {
            _alerts.Remove(alert.Id);
        }
    }

    private static string RowClass(Alert alert, int index) => alert.State == AlertState.Active && !alert.Acknowledged ? "alert-row-unacknowledged" : "";
}
