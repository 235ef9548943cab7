namespace DigitalTwin.Web.Components.Charts;

/// <summary>
/// The options that make a chart follow the MudBlazor theme. They are merged over the caller's
/// options, and sent again alone when the theme changes.
/// </summary>
public static class ChartThemes
{
    /// <summary>The same stack as the MudBlazor theme, so chart text matches the page.</summary>
    public const string FontFamily = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

    /// <summary>Series colors that read well on both light and dark backgrounds.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1e88e5", "#ff8f00", "#43a047", "#e53935", "#8e24aa", "#00acc1"];

    public static ChartOptions For(bool isDarkMode) => new()
    {
        Chart = new ChartSettings
        {
            // Transparent: the card or page behind the chart already has the theme's surface color.
            Background = "transparent",
            ForeColor = isDarkMode ? "#c9d1d9" : "#424a53",
            FontFamily = FontFamily,
        },
        Theme = new ChartTheme(isDarkMode ? ThemeMode.Dark : ThemeMode.Light),
        Tooltip = new ChartTooltip { Theme = isDarkMode ? "dark" : "light" },
        Grid = new ChartGrid { BorderColor = isDarkMode ? "rgba(255,255,255,0.10)" : "rgba(0,0,0,0.08)" },
    };
}
