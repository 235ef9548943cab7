using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Districts × months, each district normalized on its own, for one contract type.</summary>
public sealed partial class PowerHeatmap : ComponentBase
{
    private const string All = "";

    /// <summary>All ~230 districts make a 5,000 px chart; the first 60 keep the page usable, "All" is a choice.</summary>
    private static readonly int[] Limits = [30, 60, 120, int.MaxValue];

    private IReadOnlyList<string> _sidos = [];
    private IReadOnlyList<UsageRow> _rows = [];
    private HeatmapMatrix? _matrix;
    private IReadOnlyList<CategorySeries> _series = [];
    private ChartOptions? _options;
    private string _sido = All;
    private string _contractType = ContractTypes.Total;
    private HeatmapOrder _order = HeatmapOrder.Name;
    private HeatmapScale _scale = HeatmapScale.ShareOfMax;
    private int _limit = 60;
    private int _version;
    private bool _loading = true;
    private string? _error;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerQueries Queries { get; init; }

    private IReadOnlyList<HeatmapRow> Shown => _matrix is null ? [] : [.. _matrix.Rows.Take(_limit)];

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _sidos = [.. (await Queries.DistrictsAsync()).Select(d => d.Sido).Distinct()];
            if (_sidos.Count > 0)
            {
                await LoadAsync();
            }
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["Power.CouldNotRead"]);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task SetSidoAsync(string sido)
    {
        _sido = sido;
        await LoadAsync();
    }

    private void SetContractType(string type)
    {
        _contractType = type;
        Rebuild();
    }

    private void SetOrder(HeatmapOrder order)
    {
        _order = order;
        Rebuild();
    }

    private void SetScale(HeatmapScale scale)
    {
        _scale = scale;
        Rebuild();
    }

    private void SetLimit(int limit)
    {
        _limit = limit;
        Rebuild();
    }

    private async Task LoadAsync()
    {
        try
        {
            _error = null;
            // Every contract type is loaded: ordering by 산업용 share needs the parts whichever type is shown.
            _rows = await Queries.UsageAsync(new UsageFilter(Sido: _sido == All ? null : _sido));
            Rebuild();
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["Power.CouldNotRead"]);
        }
    }

    private void Rebuild()
    {
        _matrix = HeatmapMatrix.Build(_rows, _contractType, _scale, _order);
        var shown = Shown;
        var labels = PowerCharts.Labels(_matrix.Months);
        // ApexCharts draws the first series at the bottom; reversed, the list reads top-down.
        _series =
        [
            .. shown.Reverse().Select(row => new CategorySeries(
                _sido == All ? row.District.ToString() : row.District.Sigungu,
                [.. labels.Zip(row.Cells, (x, cell) => new CategoryPoint(x, cell.Value is { } v ? Math.Round(v, 3) : null) { Raw = cell.Kwh })])),
        ];
        _options = PowerCharts.Heatmap(shown.Count, _scale, L);
        _version++;
    }
}
