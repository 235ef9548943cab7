using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Every imported usage row, filtered by district, contract type and period, in a virtualized grid.</summary>
public sealed partial class PowerExplorer : ComponentBase
{
    /// <summary>The "no filter" choice of every select: MudSelect shows a null value as empty, so a sentinel reads better.</summary>
    private const string All = "";

    /// <summary>
    /// The 시도 export's own rows (<see cref="PowerUsage.ProvinceTotal"/>). Kept apart from "All districts":
    /// mixed together they would count every kWh twice.
    /// </summary>
    private const string ProvinceRows = "*province";

    private IReadOnlyList<District> _districts = [];
    private IReadOnlyList<YearMonth> _months = [];
    private IReadOnlyList<UsageRow> _rows = [];
    private double _total;
    private string _sido = All;
    private string _sigungu = All;
    // 합계 first: one row per district-month is what an analyst scans; "All types" is one click away.
    private string _contractType = ContractTypes.Total;
    private string _from = All;
    private string _to = All;
    private bool _loading = true;
    private string? _error;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerQueries Queries { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    private IEnumerable<string> Sidos => _districts.Select(d => d.Sido).Distinct();

    private IEnumerable<string> Sigungus => _districts.Where(d => d.Sido == _sido).Select(d => d.Sigungu);

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _districts = await Queries.DistrictsAsync();
            _months = await Queries.MonthsAsync();
            if (_months.Count > 0)
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

    private Task SetSidoAsync(string sido)
    {
        _sido = sido;
        _sigungu = _sigungu == ProvinceRows ? ProvinceRows : All;
        return LoadAsync();
    }

    private Task SetSigunguAsync(string sigungu)
    {
        _sigungu = sigungu;
        return LoadAsync();
    }

    private Task SetContractTypeAsync(string type)
    {
        _contractType = type;
        return LoadAsync();
    }

    private Task SetFromAsync(string month)
    {
        _from = month;
        return LoadAsync();
    }

    private Task SetToAsync(string month)
    {
        _to = month;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _error = null;
            var rows = await Queries.UsageAsync(Filter());
            _rows = _sigungu == All ? [.. rows.Where(r => r.Sigungu != PowerUsage.ProvinceTotal)] : rows;
            _total = _rows.Sum(r => (double)(r.Kwh ?? 0));
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["Power.CouldNotRead"]);
        }
    }

    private UsageFilter Filter() => new(
        NullIfAll(_sido),
        _sigungu == ProvinceRows ? PowerUsage.ProvinceTotal : NullIfAll(_sigungu),
        NullIfAll(_contractType),
        YearMonth.TryParse(_from, out var from) ? from : null,
        YearMonth.TryParse(_to, out var to) ? to : null);

    private static string? NullIfAll(string value) => value == All ? null : value;

    private void OpenDistrict(DataGridRowClickEventArgs<UsageRow> click)
    {
        if (click.Item.Sigungu != PowerUsage.ProvinceTotal)
        {
            Navigation.NavigateTo(PowerRoutes.District(click.Item.Sido, click.Item.Sigungu));
        }
    }
}
