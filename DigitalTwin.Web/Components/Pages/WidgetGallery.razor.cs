using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>A page for developers that shows every widget with fake, moving data.</summary>
public partial class WidgetGallery : ComponentBase, IAsyncDisposable
{
    private const int MaxChartPoints = 120;
    private const double AlertAt = 30;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Random _random = new(42);
    private readonly List<FakeDevice> _devices = [];
    private ApexChart? _chart;
    private DateTimeOffset _now;
    private double? _thermometerValue = 21.5;
    private IReadOnlyList<ChartSeries> _initialSeries = [];
    private ChartOptions _lineOptions = LineOptions;
    private Task? _loop;

    private static readonly ChartOptions LineOptions = new()
    {
        Chart = new ChartSettings
        {
            Type = ChartType.Line,
            Height = 320,
            Toolbar = new ChartToolbar(false),
            Zoom = new ChartToggle(false),
            Animations = new ChartAnimations { Enabled = true, Easing = "linear", DynamicAnimation = new ChartDynamicAnimation(true, 900) },
        },
        Stroke = new ChartStroke { Curve = StrokeCurve.Smooth, Width = 2 },
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { DatetimeUtc = false } },
        YAxis = [new ChartYAxis { DecimalsInFloat = 1 }],
        Tooltip = new ChartTooltip { Shared = true, X = new ChartTooltipX("HH:mm:ss") },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "right" },
    };

    // The real clock on purpose: a demo page should not depend on what Program.cs registers.
    private static TimeProvider Clock => TimeProvider.System;

    protected override void OnInitialized()
    {
        _now = Clock.GetUtcNow();
        _devices.Add(FakeDevice.Create("thermo-001", DeviceStatus.Online, 21.4, 41, _now, _random));
        _devices.Add(FakeDevice.Create("thermo-002-boiler-room", DeviceStatus.Online, 34.8, 22, _now, _random));
        _devices.Add(new FakeDevice(TwinSnapshot.Empty("thermo-003") with { Status = DeviceStatus.Offline, LastSeen = _now.AddMinutes(-47) }, null));
        _initialSeries =
        [
            new ChartSeries(Temperature, _devices[0].Trend ?? []),
            // Fake humidity history: the temperature's wiggles, mirrored around the current humidity.
            new ChartSeries(Humidity, _devices[0].Trend?.Select(p => p with { Y = 41 - ((p.Y - 21.4) * 2) }).ToList() ?? []),
        ];
        _lineOptions = LineOptions with { Annotations = AlertLine(L["Gallery.Alert", AlertAt]) };
    }

    private string Temperature => $"{L["Metric.Temperature"]} (°C)";

    private string Humidity => $"{L["Metric.Humidity"]} (%RH)";

    private static ChartAnnotations AlertLine(string label) => new()
    {
        YAxis =
        [
            new ChartYAnnotation
            {
                Y = AlertAt,
                BorderColor = "#e53935",
                StrokeDashArray = 4,
                Label = new ChartAnnotationLabel(label)
                {
                    BorderColor = "#e53935",
                    Style = new ChartAnnotationLabelStyle("#ffffff", "#e53935"),
                },
            },
        ],
    };

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _loop = RunAsync(_stop.Token);
        }
    }

    private double? Latest(string metric) => _devices[0].Snapshot[metric];

    private void SetThermometer(double value) => _thermometerValue = value;

    private void ClearThermometer() => _thermometerValue = null;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(StepAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task StepAsync()
    {
        _now = Clock.GetUtcNow();
        for (var i = 0; i < 2; i++)
        {
            _devices[i] = _devices[i].Step(_now, _random);
        }

        StateHasChanged();
        if (_chart is not null)
        {
            await _chart.AppendDataAsync(
            [
                new ChartSeries(Temperature, [ChartPoint.At(_now, Latest("temperature"))]),
                new ChartSeries(Humidity, [ChartPoint.At(_now, Latest("humidity"))]),
            ]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A snapshot plus its recent temperatures, moved by a small random walk.</summary>
    private sealed record FakeDevice(TwinSnapshot Snapshot, IReadOnlyList<ChartPoint>? Trend)
    {
        public static FakeDevice Create(string id, DeviceStatus status, double temperature, double humidity, DateTimeOffset now, Random random)
        {
            // A random walk backwards from the current value, so the line ends where the card's number is.
            var trend = new List<ChartPoint>();
            var t = temperature;
            for (var i = 0; i < 60; i++)
            {
                trend.Insert(0, ChartPoint.At(now.AddSeconds(-i), Math.Round(t, 2)));
                t -= (random.NextDouble() - 0.45) * 0.3;
            }

            var snapshot = new TwinSnapshot(id, status, now.AddSeconds(-3), Metrics(temperature, humidity, now), 1);
            return new FakeDevice(snapshot, trend);
        }

        public FakeDevice Step(DateTimeOffset now, Random random)
        {
            var temperature = Math.Round((Snapshot["temperature"] ?? 20) + ((random.NextDouble() - 0.5) * 0.6), 2);
            var humidity = Math.Round(Math.Clamp((Snapshot["humidity"] ?? 40) + ((random.NextDouble() - 0.5) * 2), 0, 100), 1);
            var trend = (Trend ?? []).Skip(Math.Max(0, (Trend?.Count ?? 0) - 59)).Append(ChartPoint.At(now, temperature)).ToList();
            var snapshot = Snapshot with { LastSeen = now, Metrics = Metrics(temperature, humidity, now), Version = Snapshot.Version + 1 };
            return new FakeDevice(snapshot, trend);
        }

        private static Dictionary<string, TwinMetric> Metrics(double temperature, double humidity, DateTimeOffset now) => new()
        {
            ["temperature"] = new TwinMetric(temperature, now),
            ["humidity"] = new TwinMetric(humidity, now),
        };
    }
}
