namespace DigitalTwin.Web.Components.Charts;

/// <summary>Names of the values the main layout cascades about the current theme.</summary>
public static class ThemeCascade
{
    /// <summary>A <see cref="bool"/>: true while the dark palette is shown.</summary>
    public const string IsDarkMode = nameof(IsDarkMode);
}
