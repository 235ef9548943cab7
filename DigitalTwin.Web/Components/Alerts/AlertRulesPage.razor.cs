using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>Every rule in words, with create/edit (the rule dialog), enable, silence and delete; and the silences in force.</summary>
public sealed partial class AlertRulesPage : ComponentBase
{
    private List<BreadcrumbItem> Breadcrumbs => [new(L["Nav.Alerts"], href: "/alerts"), new(L["Rules.Crumb"], href: null, disabled: true)];

    private IReadOnlyList<AlertRule> _rules = [];
    private IReadOnlyList<AlertSilence> _silences = [];
    private bool _loading = true;
    private bool _editedFromQuery;

    [Inject]
    public required AlertRuleService Rules { get; init; }

    [Inject]
    public required AlertSilenceService Silences { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>A rule to open in the dialog at once (links from an alert's page).</summary>
    [SupplyParameterFromQuery(Name = "edit")]
    public long? EditId { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !_editedFromQuery && EditId is { } id)
        {
            _editedFromQuery = true;
            if (_rules.FirstOrDefault(r => r.Id == id) is { } rule)
            {
                await EditAsync(rule);
            }
        }
    }

    private async Task LoadAsync()
    {
        _rules = await Rules.ListRulesAsync();
        _silences = await Silences.ListSilencesAsync();
        _loading = false;
    }

    private async Task EditAsync(AlertRule? rule)
    {
        if (await AlertRuleDialog.ShowAsync(Dialogs, rule is null ? L["Rules.NewTitle"] : L["Rules.EditTitle", rule.Name], rule) is { } saved)
        {
            Snackbar.Add(L[rule is null ? "Rules.Created" : "Rules.Saved", saved.Name], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SetEnabledAsync(AlertRule rule, bool enabled)
    {
        var draft = AlertRuleDraft.From(rule);
        draft.Enabled = enabled;
        var result = await Rules.UpdateRuleAsync(rule.Id, draft, await CurrentActor.DemandAsync(Policies.Operate));
        if (result.Status != AlertResultStatus.Ok)
        {
            Snackbar.Add(L[enabled ? "Rules.EnableFailed" : "Rules.DisableFailed", rule.Name, result.Status], Severity.Warning);
        }
        await LoadAsync();
    }

    private async Task DeleteAsync(AlertRule rule)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Rules.DeleteTitle"],
            L["Rules.DeleteConfirm", rule.Name],
            yesText: L["Devices.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await Rules.DeleteRuleAsync(rule.Id, await CurrentActor.DemandAsync(Policies.Operate));
            Snackbar.Add(L["Rules.Deleted", rule.Name], Severity.Normal);
            await LoadAsync();
        }
    }

    private async Task UnsilenceRuleAsync(AlertRule rule)
    {
        var actor = await CurrentActor.DemandAsync(Policies.Operate);
        foreach (var silence in _silences.Where(s => s.RuleId == rule.Id && s.DeviceId is null))
        {
            await Silences.UnsilenceAsync(silence.Id, actor);
        }
        await LoadAsync();
    }

    private async Task EndSilenceAsync(AlertSilence silence)
    {
        await Silences.UnsilenceAsync(silence.Id, await CurrentActor.DemandAsync(Policies.Operate));
        await LoadAsync();
    }

    private string DescribeSilence(AlertSilence silence)
    {
        var rule = silence.RuleId is { } id ? _rules.FirstOrDefault(r => r.Id == id)?.Name ?? L["Rules.RuleN", id].Value : null;
        return (rule, silence.DeviceId) switch
        {
            (not null, not null) => L["Rules.RuleOn", rule, silence.DeviceId],
            (not null, null) => rule,
            _ => L.TargetName(AlertTargetKind.Device, silence.DeviceId),
        };
    }
}
