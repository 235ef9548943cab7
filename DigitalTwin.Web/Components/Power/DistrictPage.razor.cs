using ChartOptions = DigitalTwin.Web.Components.Charts.ChartOptions;
using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Shared;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Power;

/// <summary>One district: monthly use stacked by contract type, how industrial it is, and year-over-year change.</summary>
public sealed partial class DistrictPage : ComponentBase
{
    private ChartOptions? _monthlyOptions;

    private DistrictProfile? _profile;
    private IReadOnlyList<YearOverYearChange> _yearOverYear = [];
    private IReadOnlyList<CategorySeries> _monthlySeries = [];
    private IReadOnlyList<CategorySeries> _yearOverYearSeries = [];
    private IReadOnlyList<double> _mixValues = [];
    private ChartOptions _mixOptions = PowerCharts.Mix([]);
    private List<BreadcrumbItem> _breadcrumbs = [];
    private string? _error;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerQueries Queries { get; init; }

    [Parameter]
    public required string Sido { get; set; }

    [Parameter]
    public required string Sigungu { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs = [new(L["Nav.PowerData"], PowerRoutes.Explorer), new(Sido, null, disabled: true), new(Sigungu, null, disabled: true)];
        _profile = null;
        _error = null;
        try
        {
            var district = new District(Sido, Sigungu);
            var rows = await Queries.UsageAsync(new UsageFilter(Sido, Sigungu));
            Show(DistrictProfile.From(district, rows));
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["District.CouldNotRead", Sido, Sigungu]);
        }
    }

    private void Show(DistrictProfile profile)
    {
        var labels = PowerCharts.Labels(profile.Months);
        _monthlySeries =
        [
            .. ContractTypes.Parts.Select(type => new CategorySeries(type, [.. labels.Zip(profile.ByType[type], (x, y) => new CategoryPoint(x, y))])),
        ];
        var mix = profile.Mix.Where(m => m.Kwh > 0).ToList();
        _mixOptions = PowerCharts.Mix([.. mix.Select(m => m.ContractType)]);
        _mixValues = [.. mix.Select(m => m.Kwh)];
        _yearOverYear = YearOverYear.Compute(profile.TotalSeries);
        _yearOverYearSeries =
        [
            new CategorySeries(L["District.Change"], [.. _yearOverYear.Select(c => new CategoryPoint(c.Month.ToString(), Math.Round(c.Change * 100, 2)))]),
        ];
        _profile = profile;
    }

    private IEnumerable<(string Label, string Value, string Hint, string TestId)> Stats()
    {
        var profile = _profile!;
        var latest = profile.Months.Count - 1;
        var total = profile.Totals.Sum(t => t ?? 0);
        var largest = profile.Mix.FirstOrDefault();
        yield return (L["Power.LatestMonth"], EnergyFormat.Energy(profile.Totals[latest]), CultureFormat.Month(profile.Months[latest]), "district-latest");
        yield return (L["District.AllMonths"], EnergyFormat.Energy(total), L["District.MonthCount", profile.Months.Count], "district-total");
        yield return (L["District.Largest"], largest?.ContractType ?? "–", EnergyFormat.Percent(largest?.Share), "district-largest");
        yield return (L["District.Average"], EnergyFormat.Energy(total / profile.Months.Count), "합계", "district-average");
    }
}
