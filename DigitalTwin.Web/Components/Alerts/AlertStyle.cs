using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Charts;
using MudBlazor;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>One colour per severity, the same on chips, snackbars and chart markers.</summary>
public static class AlertStyle
{
    /// <summary>Snackbars know fewer colours than severities: minor and major share the warning look.</summary>
    public static Severity Snackbar(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Severity.Error,
        AlertSeverity.Major or AlertSeverity.Minor => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>For chart annotations, which take CSS colours; readable on light and dark.</summary>
    public static string Hex(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "#e53935",
        AlertSeverity.Major => "#fb8c00",
        AlertSeverity.Minor => "#f9c825",
        _ => "#29b6f6",
    };

    public static string ChipStyle(AlertSeverity severity) => $"background-color: {Hex(severity)}; color: {TextOn(severity)}";

    public static string IconStyle(AlertSeverity severity) => $"color: {Hex(severity)}";

    /// <summary>A chart label on the severity's colour: dark text on the light ones, white on the dark ones.</summary>
    public static ChartAnnotationLabelStyle Label(AlertSeverity severity) =>
        new(TextOn(severity), Hex(severity));

    private static string TextOn(AlertSeverity severity) => severity == AlertSeverity.Critical ? "#ffffff" : "#1f2933";

    public static Color Color(AlertState state) => state switch
    {
        AlertState.Active => MudBlazor.Color.Error,
        AlertState.Pending => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Success,
    };

    public static string Icon(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Icons.Material.Filled.Error,
        AlertSeverity.Major => Icons.Material.Filled.Warning,
        AlertSeverity.Minor => Icons.Material.Filled.ReportProblem,
        _ => Icons.Material.Filled.Info,
    };
}
