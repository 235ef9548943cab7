using System.Globalization;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Model;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>The device page's "Room model" card: fitted parameters explained, the backtest, the forecast band ahead of the readings, a what-if.</summary>
public sealed partial class RoomModelCard : ComponentBase
{
    private static readonly Dictionary<string, TimeSpan> Aheads = new()
    {
        ["30 min"] = TimeSpan.FromMinutes(30),
        ["2 h"] = TimeSpan.FromHours(2),
        ["6 h"] = TimeSpan.FromHours(6),
    };

    private static readonly ChartOptions ChartOptions = new()
    {
        Chart = new ChartSettings
        {
            Type = ChartType.RangeArea,
            Height = 300,
            Toolbar = new ChartToolbar(false),
            Zoom = new ChartToggle(false),
            Animations = new ChartAnimations { Enabled = false },
        },
        Colors = ["#1e88e5", "#ff8f00", "#ff8f00"],
        Fill = new ChartFill { Opacity = 0.25 },
        Stroke = new ChartStroke { Curve = StrokeCurve.Straight, Width = 2 },
        DataLabels = new ChartDataLabels(false),
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { DatetimeUtc = false } },
        YAxis = [new ChartYAxis { DecimalsInFloat = 1, Title = new ChartAxisTitle("°C") }],
        Tooltip = new ChartTooltip { Shared = false, Intersect = false, X = new ChartTooltipX("HH:mm:ss") },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "right" },
        NoData = new ChartNoData("No forecast yet"),
    };

    private ChartOptions _chartOptions = ChartOptions;
    private RoomModelFit? _fit;
    private IReadOnlyList<ModelParameter> _parameters = [];
    private IReadOnlyList<MixedSeries> _series = [];
    private WhatIfAnswer? _answer;
    private string _ahead = "30 min";
    private double _setpoint = 22;
    private int _chartKey;
    private bool _loading = true;

    /// <summary>The device whose temperature is modelled.</summary>
    [Parameter, EditorRequired]
    public required string DeviceId { get; set; }

    [Inject]
    public required TwinForecaster Forecaster { get; init; }

    [Inject]
    public required HistoryStore History { get; init; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        var horizon = Aheads[_ahead];
        var (fit, points) = await Forecaster.ForecastAsync(DeviceId, TwinForecaster.TemperatureMetric, horizon);
        _fit = fit;
        _parameters = fit is null ? [] : ModelExplanation.Parameters(fit);
        if (fit is not null && points.Count > 0)
        {
            var to = points[0].Time - fit.Step;
            var recent = await History.QueryAsync(new HistoryQuery(DeviceId, TwinForecaster.TemperatureMetric, to - horizon, to.AddTicks(1), null, Aggregation.Avg));
            _series = Series(recent.Points, points);
            // The axis around the data: from 0 °C, a room's band of a degree or two would be a flat line.
            var low = recent.Points.Select(p => p.Value).Concat(points.Select(p => p.Lower)).Min();
            var high = recent.Points.Select(p => p.Value).Concat(points.Select(p => p.Upper)).Max();
            _chartOptions = ChartOptions with { NoData = new ChartNoData(L["Room.NoForecast"]), YAxis = [ChartOptions.YAxis![0] with { Min = Math.Floor(low - 0.5), Max = Math.Ceiling(high + 0.5) }] };
            _setpoint = Math.Round(fit.Thermostat?.Setpoint + 2 ?? _setpoint);
        }
        else
        {
            _chartOptions = ChartOptions with { NoData = new ChartNoData(L["Room.NoForecast"]) };
        }
        _chartKey++;
        _loading = false;
    }

    private async Task SetAheadAsync(string ahead)
    {
        _ahead = ahead;
        await LoadAsync();
    }

    private async Task AskAsync() => _answer = await Forecaster.WhatIfAsync(DeviceId, _setpoint);

    /// <summary>The readings, then the band and the forecast line opening at the last reading, so they join up.</summary>
    private IReadOnlyList<MixedSeries> Series(IReadOnlyList<HistoryPoint> recent, IReadOnlyList<ForecastPoint> points)
    {
        var start = recent.Count > 0 ? new[] { recent[^1] } : [];
        return
        [
            new MixedSeries(L["Room.Series.Temperature"], ChartType.Line, [.. recent.Select(p => (object)new TimePoint(p.Time.ToUnixTimeMilliseconds(), p.Value))]),
            new MixedSeries(L["Forecast.Interval"], ChartType.RangeArea, [.. start.Select(p => new RangePoint(p.Time.ToUnixTimeMilliseconds(), [p.Value, p.Value]))
                .Concat(points.Select(p => new RangePoint(p.Time.ToUnixTimeMilliseconds(), [Math.Round(p.Lower, 3), Math.Round(p.Upper, 3)])))]),
            new MixedSeries(L["Forecast.Series.Forecast"], ChartType.Line, [.. start.Select(p => (object)new TimePoint(p.Time.ToUnixTimeMilliseconds(), p.Value))
                .Concat(points.Select(p => (object)new TimePoint(p.Time.ToUnixTimeMilliseconds(), Math.Round(p.Value, 3))))]),
        ];
    }

    /// <summary>A column hidden on a phone (below MudBlazor's sm breakpoint).</summary>
    private const string WideOnly = "d-none d-sm-table-cell";

    /// <summary>The what-if's answer in the reader's language, numbers as the culture writes them.</summary>
    internal static string Describe(WhatIfAnswer answer, IStringLocalizer l)
    {
        static string N(double value, string format) => value.ToString(format, CultureInfo.CurrentCulture);
        var band = l[answer.BandInferred ? "Room.Band.Inferred" : "Room.Band.Assumed", N(answer.Band, "0.##")];
        var text = answer switch
        {
            { Reachable: true, TimeToReach: { } reach } => l["Room.Reached", N(answer.Setpoint, "0.#"), l.Duration(reach), l.Duration(answer.HeaterOnUntilReached)]
                + (answer.DutyAfter is { } duty ? l["Room.Duty", N(duty, "0%")].Value : "."),
            _ => l["Room.NotReached", N(answer.Setpoint, "0.#"), l.Duration(WhatIf.Horizon), N(answer.Outdoor, "0.#"), N(answer.Ceiling, "0.#")].Value,
        };
        return $"{text} {l["Room.Hysteresis", band]}";
    }
}
