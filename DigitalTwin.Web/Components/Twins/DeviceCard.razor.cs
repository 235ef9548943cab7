using System.Globalization;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// One device at a glance: id (linking to its page), status, last seen, current temperature and
/// humidity, and a temperature sparkline. The value elements carry <c>data-testid</c>
/// "temperature-{id}" / "humidity-{id}" (the number only) and <c>data-value</c> (invariant culture).
/// </summary>
public partial class DeviceCard : ComponentBase
{
    public const string TemperatureMetric = "temperature";
    public const string HumidityMetric = "humidity";

    /// <summary>The twin to show.</summary>
    [Parameter, EditorRequired]
    public required TwinSnapshot Snapshot { get; set; }

    /// <summary>Recent temperatures for the sparkline, oldest first; a new list instance redraws it.</summary>
    [Parameter]
    public IReadOnlyList<ChartPoint>? SparklinePoints { get; set; }

    /// <summary>The current time, for "last seen".</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>The device's page.</summary>
    public static string HrefFor(string deviceId) => $"/devices/{Uri.EscapeDataString(deviceId)}";

    private string DetailsHref => HrefFor(Snapshot.DeviceId);

    private double? Temperature => Snapshot[TemperatureMetric];

    private double? Humidity => Snapshot[HumidityMetric];

    private string CssClass => string.IsNullOrEmpty(Class) ? "device-card" : $"device-card {Class}";

    private static string? InvariantValue(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
