using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Web.Components.Charts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// Where the model and the sensor disagree, drawn on a device's chart: a purple marker labelled with the fault's kind
/// at a spike or a fast change, a purple band over a drift, a stuck value or a dropout. Added to the alert markers.
/// </summary>
public static class FaultMarkers
{
    public const string Color = "#8e24aa";

    private static readonly ChartAnnotationLabelStyle LabelStyle = new("#ffffff", Color);

    /// <param name="yAxisIndex">The axis of the metric the marks belong to.</param>
    public static ChartAnnotations Add(ChartAnnotations annotations, IEnumerable<FaultMark> marks, int yAxisIndex, IStringLocalizer l)
    {
        var all = marks.ToList();
        var points = all.Where(m => m.IsPoint).Select(m => new ChartPointAnnotation
        {
            X = m.Since.ToUnixTimeMilliseconds(),
            Y = m.Value,
            YAxisIndex = yAxisIndex,
            Marker = new ChartPointMarker(5, Color, "#ffffff") { StrokeWidth = 2 },
            Label = new ChartAnnotationLabel(Name(m.Kind, l)) { BorderColor = Color, Style = LabelStyle },
        });
        var bands = all.Where(m => !m.IsPoint).Select(m => new ChartXAnnotation
        {
            X = m.Since.ToUnixTimeMilliseconds(),
            X2 = m.Until.ToUnixTimeMilliseconds(),
            FillColor = Color,
            BorderColor = Color,
            Opacity = 0.12,
            Label = new ChartAnnotationLabel(Name(m.Kind, l)) { BorderColor = Color, Orientation = "horizontal", Style = LabelStyle },
        });
        return annotations with
        {
            XAxis = [.. annotations.XAxis ?? [], .. bands],
            Points = [.. annotations.Points ?? [], .. points],
        };
    }

    /// <summary>The kind's name in the reader's language ("Spike", "Stuck value", …).</summary>
    public static string Name(FaultKind kind, IStringLocalizer l) => l[$"Fault.{kind}"];
}
