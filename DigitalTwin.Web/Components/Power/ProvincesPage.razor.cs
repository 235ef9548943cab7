using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Per-시도 totals over time and a table of each 시도's latest month.</summary>
public sealed partial class ProvincesPage : ComponentBase
{
    private IReadOnlyList<ProvinceSummary> _provinces = [];
    private ProvinceSummary? _national;
    private IReadOnlyList<ChartSeries> _series = [];
    private bool _loading = true;
    private string? _error;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerQueries Queries { get; init; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var summaries = ProvinceOverview.Build(await Queries.UsageAsync(new UsageFilter()));
            // 전국 is ten times any 시도: on the same axis it would flatten every other line.
            _national = summaries.FirstOrDefault(s => s.Sido == ProvinceOverview.National);
            _provinces = [.. summaries.Where(s => s.Sido != ProvinceOverview.National)];
            _series = [.. _provinces.Select(p => new ChartSeries(p.Sido, WithGaps(p.Totals)))];
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

    /// <summary>Every month from the first to the last, null where nothing was imported, so the line breaks there.</summary>
    private static IReadOnlyList<ChartPoint> WithGaps(IReadOnlyList<(YearMonth Month, double Kwh)> totals)
    {
        var known = totals.ToDictionary(t => t.Month, t => t.Kwh);
        var points = new List<ChartPoint>();
        for (var month = totals[0].Month; month <= totals[^1].Month; month = month.AddMonths(1))
        {
            points.Add(new ChartPoint(PowerCharts.UnixMs(month), known.TryGetValue(month, out var kwh) ? kwh : null));
        }
        return points;
    }

    private string Source(ProvinceSummary province) => (province.FromProvinceRows, province.SummedFromDistricts) switch
    {
        (true, true) => L["Provinces.Source.Both"],
        (true, false) => L["Provinces.Source.Province"],
        _ => L["Provinces.Source.Districts"],
    };

    private static string ChangeStyle(double? change) => change switch
    {
        < 0 => "color: var(--mud-palette-error)",
        > 0 => "color: var(--mud-palette-success)",
        _ => "",
    };
}
