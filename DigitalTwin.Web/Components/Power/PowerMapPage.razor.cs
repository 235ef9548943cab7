using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Shared;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Districts coloured by use, 산업용 share or change on a year, for one month; a click opens the district.</summary>
public sealed partial class PowerMapPage : ComponentBase
{
    private const int RankingSize = 10;
    private const int Outlined = 5;

    private IReadOnlyList<YearMonth> _months = [];
    private IReadOnlyList<UsageRow> _rows = [];
    private IReadOnlyDictionary<District, double> _values = new Dictionary<District, double>();
    private IReadOnlyList<(District District, double Value)> _ranking = [];
    private IReadOnlyCollection<District> _top = [];
    private int _districtCount;
    private YearMonth _month;
    private DistrictMeasure _measure = DistrictMeasure.Use;
    private string _contractType = ContractTypes.Total;
    private bool _loading = true;
    private string? _error;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerQueries Queries { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    // kWh spans 1,000× between a 군 and an industrial 시: on a linear scale all but a few districts would look alike.
    private DistrictMapScale Scale => _measure switch
    {
        DistrictMeasure.Use => DistrictMapScale.Logarithmic,
        DistrictMeasure.ChangeVsLastYear => DistrictMapScale.Diverging,
        _ => DistrictMapScale.Sequential,
    };

    private string LegendTitle => _measure switch
    {
        DistrictMeasure.Use => L["Map.Legend.Use", _contractType, CultureFormat.Month(_month)],
        DistrictMeasure.IndustrialShare => L["Map.Legend.IndustrialShare", CultureFormat.Month(_month)],
        _ => L["Map.Legend.Change", _contractType, CultureFormat.Month(_month), CultureFormat.Month(_month.AddMonths(-12))],
    };

    private string HighestWhat => _measure switch
    {
        DistrictMeasure.Use => L["Map.Highest.Use", _contractType],
        DistrictMeasure.IndustrialShare => L["Power.IndustrialShare"],
        _ => L["Map.Highest.Growth"],
    };

    private string Format(double value) => _measure switch
    {
        DistrictMeasure.Use => EnergyFormat.Energy(value),
        DistrictMeasure.IndustrialShare => EnergyFormat.Percent(value, 1),
        _ => EnergyFormat.Change(value),
    };

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _months = await Queries.MonthsAsync();
            _districtCount = (await Queries.DistrictsAsync()).Count;
            if (_months.Count > 0)
            {
                await SetMonthAsync(_months[^1]);
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

    private async Task SetMonthAsync(YearMonth month)
    {
        try
        {
            _error = null;
            _month = month;
            var yearBefore = month.AddMonths(-12);
            _rows =
            [
                .. await Queries.UsageAsync(new UsageFilter(From: month, To: month)),
                .. await Queries.UsageAsync(new UsageFilter(From: yearBefore, To: yearBefore)),
            ];
            Rebuild();
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["Power.CouldNotRead"]);
        }
    }

    private void SetMeasure(DistrictMeasure measure)
    {
        _measure = measure;
        Rebuild();
    }

    private void SetContractType(string type)
    {
        _contractType = type;
        Rebuild();
    }

    private void Rebuild()
    {
        _values = DistrictMeasures.Compute(_rows, _month, _measure, _contractType);
        _ranking = [.. _values.OrderByDescending(p => p.Value).Take(RankingSize).Select(p => (p.Key, p.Value))];
        _top = [.. _ranking.Take(Outlined).Select(r => r.District)];
    }

    private void OpenDistrict(District district) => Navigation.NavigateTo(PowerRoutes.District(district));
}
