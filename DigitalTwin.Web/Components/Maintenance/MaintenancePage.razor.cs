using DigitalTwin.Core.Twins.Maintenance;
using DigitalTwin.Core.Twins.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Maintenance;

/// <summary>
/// /maintenance: devices ranked by how far they drifted from their own first days (noise, bias, faults, heater duty),
/// worst first, a sentence each, paged on the server from <see cref="MaintenanceReport"/>.
/// </summary>
public sealed partial class MaintenancePage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private static readonly int[] DayChoices = [3, 7, 14, 30];
    private static readonly string[] Metrics = [TwinForecaster.TemperatureMetric, "humidity"];
    private MudDataGrid<DeviceDrift> _grid = null!;
    private DriftRanking? _page;
    private string _metric = TwinForecaster.TemperatureMetric;
    private int _days = MaintenanceReport.DefaultDays;
    private bool _anyHeater;

    [Inject]
    public required MaintenanceReport Report { get; init; }

    private async Task<GridData<DeviceDrift>> LoadAsync(GridState<DeviceDrift> state, CancellationToken cancellationToken)
    {
        var page = await Report.RankAsync(_metric, _days, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _page = page;
        _anyHeater = page.Devices.Any(d => d.RecentDuty is not null || d.BaselineDuty is not null);
        // The note and the banner sit outside the grid that loaded the page.
        await InvokeAsync(StateHasChanged);
        return new GridData<DeviceDrift> { Items = page.Devices, TotalItems = page.Total };
    }

    private static bool Judged(DeviceDrift drift) => drift.Cause != DriftCause.TooLittleHistory;

    private async Task SetDaysAsync(int days)
    {
        _days = days;
        await _grid.ReloadServerData();
    }

    private async Task SetMetricAsync(string metric)
    {
        _metric = metric;
        await _grid.ReloadServerData();
    }
}
