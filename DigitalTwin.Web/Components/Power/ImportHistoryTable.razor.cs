using DigitalTwin.Core.Power;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Committed imports: which file, who, when, and what it changed.</summary>
public sealed partial class ImportHistoryTable : ComponentBase
{
    /// <summary>Imports, newest first; null while loading.</summary>
    [Parameter]
    public IReadOnlyList<PowerImport>? History { get; set; }

    /// <summary>Why the history could not be read, if it could not.</summary>
    [Parameter]
    public string? Error { get; set; }

    private static string Count(int n) => CultureFormat.Count(n);

    /// <summary>"2024-05" as the culture writes a month; an unreadable value as stored.</summary>
    private static string Month(string month) => YearMonth.TryParse(month, out var parsed) ? CultureFormat.Month(parsed) : month;
}
