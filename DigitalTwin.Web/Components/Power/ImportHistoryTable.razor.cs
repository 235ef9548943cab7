using System.Globalization;
using DigitalTwin.Core.Power;
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

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
