using MudBlazor;

namespace DigitalTwin.Web.Components.Layout;

/// <summary>The product's look: industrial blue on cool greys, amber as the accent, a system font stack (no web fonts).</summary>
public static class AppTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#ef6c00",
            Tertiary = "#00897b",
            Info = "#0288d1",
            Success = "#2e7d32",
            Warning = "#ed6c02",
            Error = "#d32f2f",
            AppbarBackground = "#0f2a44",
            AppbarText = "#ffffff",
            Background = "#f3f5f8",
            BackgroundGray = "#e8ecf1",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2933",
            DrawerIcon = "#52606d",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            LinesDefault = "#d5dbe3",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64a8f0",
            Secondary = "#ffa040",
            Tertiary = "#4db6ac",
            Info = "#4fc3f7",
            Success = "#66bb6a",
            Warning = "#ffa726",
            Error = "#f2615e",
            AppbarBackground = "#0c1a29",
            AppbarText = "#e6edf3",
            Background = "#0e1621",
            BackgroundGray = "#1b2633",
            Surface = "#152030",
            DrawerBackground = "#111b27",
            DrawerText = "#d0d7de",
            DrawerIcon = "#9aa7b4",
            TextPrimary = "#e6edf3",
            TextSecondary = "#9aa7b4",
            ActionDefault = "#9aa7b4",
            LinesDefault = "#2a3847",
            Divider = "#2a3847",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthLeft = "232px",
        },
    };
}
