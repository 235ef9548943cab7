using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>One district: its history up to the cutoff, the forecast with its 90 % band, and the actuals.</summary>
public sealed partial class DistrictForecastChart : ComponentBase
{
    private IReadOnlyList<MixedSeries> _series = [];
    private ForecastRow? _row;
    private (ForecastRun, District?)? _built;

    [Inject]
    public required PowerQueries Queries { get; init; }

    [Parameter, EditorRequired]
    public required ForecastRun Run { get; set; }

    [Parameter]
    public District? District { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_built is var (run, district) && ReferenceEquals(run, Run) && district == District)
        {
            return;
        }
        _built = (Run, District);
        if (District is not { } selected)
        {
            return;
        }
        var request = Run.Request;
        var rows = Run.Rows.Where(r => r.District == selected).OrderBy(r => r.Target).ToList();
        _row = rows.FirstOrDefault();
        // The models saw nothing after the cutoff; the chart shows only up to it as history, then the actuals.
        var usage = await Queries.UsageAsync(new UsageFilter(selected.Sido, selected.Sigungu, request.ContractType, To: request.Cutoff.AddMonths(request.Horizon)));
        _series = Build(usage, rows, request.Cutoff, L);
    }

    internal static IReadOnlyList<MixedSeries> Build(IReadOnlyList<UsageRow> usage, IReadOnlyList<ForecastRow> rows, YearMonth cutoff, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var known = usage.Where(u => u.Kwh is not null).ToDictionary(u => u.Period, u => (double)u.Kwh!.Value);
        var history = new List<object>();
        if (known.Keys.Where(m => m <= cutoff).DefaultIfEmpty().Min() is { Year: > 0 } first)
        {
            // Every month, null where nothing was imported, so the 2023 → 2024 gap shows as a gap.
            for (var month = first; month <= cutoff; month = month.AddMonths(1))
            {
                history.Add(new TimePoint(PowerCharts.UnixMs(month), known.TryGetValue(month, out var kwh) ? kwh : null));
            }
        }
        var start = known.TryGetValue(cutoff, out var last) ? new[] { (Month: cutoff, Value: last) } : [];
        var forecast = rows.Where(r => r.Forecast is not null).ToList();
        return
        [
            new MixedSeries(l["Forecast.Series.History"], ChartType.Line, history),
            // The band opens at the last observed value, so a one-month forecast shows as a wedge, not a line.
            new MixedSeries(l["Forecast.Interval"], ChartType.RangeArea, [.. start.Select(p => new RangePoint(PowerCharts.UnixMs(p.Month), [p.Value, p.Value]))
                .Concat(forecast.Select(r => new RangePoint(PowerCharts.UnixMs(r.Target), [r.Lower!.Value, r.Upper!.Value])))]),
            new MixedSeries(l["Forecast.Series.Forecast"], ChartType.Line, [.. start.Select(p => (object)new TimePoint(PowerCharts.UnixMs(p.Month), p.Value))
                .Concat(forecast.Select(r => (object)new TimePoint(PowerCharts.UnixMs(r.Target), r.Forecast)))]),
            new MixedSeries(l["Forecast.Series.Actual"], ChartType.Line, [.. rows.Where(r => r.Actual is not null).Select(r => (object)new TimePoint(PowerCharts.UnixMs(r.Target), r.Actual))]),
        ];
    }
}
