using DigitalTwin.Core.Power;
using DigitalTwin.Web.Localization;
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
        yield return (L["Import.Col.File"], Preview.FileName, $"{Preview.Format} · {Preview.Encoding}", "preview-file");
        yield return (L["Import.Col.Months"], Count(months.Count),
            months.Count == 0 ? L["Import.NoMonths"] : $"{CultureFormat.Month(months[0])} – {CultureFormat.Month(months[^1])}", "preview-months");
        yield return (L["Import.Col.Districts"], Count(Preview.Districts), L["Import.DistrictsHint"], "preview-districts");
        yield return (L["Import.NewRows"], Count(Preview.RowsNew), L["Import.NewRows.Hint"], "preview-new");
        yield return (L["Import.ChangedRows"], Count(Preview.RowsChanged), L["Import.ChangedRows.Hint"], "preview-changed");
        yield return (L["Import.UnchangedRows"], Count(Preview.RowsUnchanged), L["Import.UnchangedRows.Hint"], "preview-unchanged");
    }

    private static string Count(int n) => CultureFormat.Count(n);

    /// <summary>What kind of problem, in the reader's language ("숫자가 아님"); the message beside it gives the detail.</summary>
    private string KindName(ImportIssueKind kind) => L[$"Import.Kind.{kind}"];

    private string SeverityName(ImportSeverity severity) => L[$"Import.Severity.{severity}"];
}
