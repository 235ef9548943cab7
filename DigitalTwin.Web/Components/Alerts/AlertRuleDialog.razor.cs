using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Localization;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins.Faults;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>
/// Creates or edits a rule. The fields follow the rule's kind; every field shows the engine's own validation
/// (<see cref="AlertRuleDraft.Validate"/>) once touched, or all of them after a save attempt, and the save's
/// answer lands on the same fields. A sentence previews the condition as it is typed.
/// </summary>
public sealed partial class AlertRuleDialog : ComponentBase
{
    private static readonly string[] KnownMetrics = ["temperature", "humidity"];

    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private MudForm _form = null!;
    private AlertRuleDraft _draft = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private IReadOnlyList<Device>? _devices;
    private bool _showAll;
    private bool _saving;
    private string? _failed;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Inject]
    public required AlertRuleService Rules { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required DeviceRegistry Devices { get; init; }

    /// <summary>The rule to edit; null creates one.</summary>
    [Parameter]
    public AlertRule? Rule { get; set; }

    /// <summary>Starting values for a new rule (e.g. its device, from the device page).</summary>
    [Parameter]
    public AlertRuleDraft? Template { get; set; }

    /// <summary>Opens the dialog on <paramref name="rule"/> (or a new rule from <paramref name="template"/>); the saved rule, or null.</summary>
    public static async Task<AlertRule?> ShowAsync(IDialogService dialogs, string title, AlertRule? rule = null, AlertRuleDraft? template = null)
    {
        var parameters = new DialogParameters<AlertRuleDialog> { { d => d.Rule, rule }, { d => d.Template, template } };
        var dialog = await dialogs.ShowAsync<AlertRuleDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false, Data: AlertRule saved } ? saved : null;
    }

    private string Unit => AlertText.UnitOf(_draft.Metric) is { Length: > 0 } unit ? $"({unit})" : "";

    private string TargetLabel => _draft.TargetKind switch
    {
        AlertTargetKind.Kind => L["RuleDialog.DeviceKind"],
        AlertTargetKind.Tag => L["RuleDialog.Tag"],
        _ => L["Alerts.Device"],
    };

    private string Preview =>
        L["RuleDialog.Preview", L.SeverityName(_draft.Severity).ToUpper(CultureInfo.CurrentCulture), L.Condition(_draft), L.TargetName(_draft.TargetKind, Blank(_draft.Target))]
        + (_draft.Enabled ? "" : L["RuleDialog.PreviewDisabled"].Value);

    protected override void OnInitialized()
    {
        _draft = Rule is not null ? AlertRuleDraft.From(Rule) : Template ?? new AlertRuleDraft { Metric = "temperature", Operator = AlertOperator.GreaterThan };
        Validate();
    }

    private void SetKind(AlertRuleKind kind)
    {
        // An anomaly rule's threshold is a sensitivity in noise scales, not a value of the metric: neither carries over.
        if (kind == AlertRuleKind.Anomaly || _draft.Kind == AlertRuleKind.Anomaly)
        {
            _draft.Threshold = kind == AlertRuleKind.Anomaly ? FaultDetectorSettings.MediumSigmas : null;
        }
        _draft.Kind = kind;
        Validate();
    }

    private void Touch(string field)
    {
        _touched.Add(field);
        _failed = null;
        Validate();
    }

    private void Validate() => _errors = AlertRuleService.ValidateRule(_draft);

    private bool Shows(string field) => (_showAll || _touched.Contains(field)) && _errors.ContainsKey(field);

    private string? ErrorOf(string field) => Shows(field) ? L.Describe(field, _draft, _errors[field]) : null;

    private async Task SaveAsync()
    {
        _showAll = true;
        Validate();
        if (_errors.Count > 0)
        {
            return;
        }
        _saving = true;
        try
        {
            var result = Rule is null
                ? await Rules.CreateRuleAsync(_draft, await CurrentActor.DemandAsync(Policies.Operate))
                : await Rules.UpdateRuleAsync(Rule.Id, _draft, await CurrentActor.DemandAsync(Policies.Operate));
            switch (result.Status)
            {
                case AlertResultStatus.Ok:
                    Dialog.Close(DialogResult.Ok(result.Rule!));
                    break;
                case AlertResultStatus.Invalid:
                    _errors = result.Errors ?? _errors;
                    break;
                default:
                    _failed = L["RuleDialog.Deleted"];
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();

    private async Task<IEnumerable<string>> SearchTargetsAsync(string? text, CancellationToken cancellationToken)
    {
        _devices ??= await Devices.ListAsync(cancellationToken);
        IEnumerable<string> choices = _draft.TargetKind switch
        {
            AlertTargetKind.Kind => _devices.Select(d => d.Kind),
            AlertTargetKind.Tag => _devices.SelectMany(d => d.Tags),
            _ => _devices.Select(d => d.Id),
        };
        return Matching(choices, text);
    }

    private Task<IEnumerable<string>> SearchMetricsAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(Matching(KnownMetrics, text));

    private static IEnumerable<string> Matching(IEnumerable<string> choices, string? text) => choices
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Where(c => string.IsNullOrWhiteSpace(text) || c.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.OrdinalIgnoreCase)
        .Take(20);

    private string OperatorLabel(AlertOperator op) => L[$"RuleDialog.Op.{op}"];

    private static string Blank(string? text) => string.IsNullOrWhiteSpace(text) ? "…" : text.Trim();
}
