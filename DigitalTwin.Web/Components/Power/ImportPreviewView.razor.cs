using System.Globalization;
using DigitalTwin.Core.Power;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power;

/// <summary>What a commit would do: counts as stat cards, then every issue, errors first.</summary>
public sealed partial class ImportPreviewView : ComponentBase
{
    private IReadOnlyList<ImportIssue> _issues = [];

    /// <summary>The preview to show.</summary>
    [Parameter, EditorRequired]
    public required ImportPreview Preview { get; set; }

    private int Errors => Preview.ErrorCount;

    private int Warnings => Preview.WarningCount;

    protected override void OnParametersSet() => _issues = OrderIssues(Preview.Issues);

    /// <summary>Errors before warnings (they block the commit), then in file order.</summary>
    public static IReadOnlyList<ImportIssue> OrderIssues(IEnumerable<ImportIssue> issues) =>
    [
        .. issues.OrderByDescending(i => i.Severity).ThenBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Row ?? 0),
    ];

    private IEnumerable<(string Label, string Value, string Hint, string TestId)> Stats()
    {
        var months = Preview.Months.Order().ToList();
        yield return ("File", Preview.FileName, $"{Preview.Format} · {Preview.Encoding}", "preview-file");
        yield return ("Months", Count(months.Count), months.Count == 0 ? "none" : $"{months[0]} – {months[^1]}", "preview-months");
        yield return ("Districts", Count(Preview.Districts), "시군구 / 시도", "preview-districts");
        yield return ("New rows", Count(Preview.RowsNew), "not in the database yet", "preview-new");
        yield return ("Changed rows", Count(Preview.RowsChanged), "a different value replaces the stored one", "preview-changed");
        yield return ("Unchanged rows", Count(Preview.RowsUnchanged), "already stored as is", "preview-unchanged");
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
