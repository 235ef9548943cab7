using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>
/// What a person does to alerts from any page (acknowledge with a comment, clear, silence), with its dialogs and
/// the snackbar that says how it went. Scoped: one per circuit; every action is the signed-in user's.
/// </summary>
public sealed class AlertActions(AlertActionService actions, AlertSilenceService silences, CurrentActor currentActor, IDialogService dialogs, ISnackbar snackbar, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    /// <summary>Asks for a comment, then acknowledges as the signed-in user; the alert as it is now, or null if cancelled or refused.</summary>
    public async Task<Alert?> AcknowledgeAsync(Alert alert)
    {
        var actor = await currentActor.DemandAsync(Policies.Operate);
        var parameters = new DialogParameters<AcknowledgeDialog>
        {
            { d => d.Alert, alert },
            { d => d.By, actor.DisplayName },
        };
        var dialog = await dialogs.ShowAsync<AcknowledgeDialog>(l["Ack.Title"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: AcknowledgeDialog.Answer answer })
        {
            return null;
        }
        return await ReportAsync(() => actions.AcknowledgeAsync(alert.Id, actor, answer.Comment), l["Ack.Done", alert.RuleName, alert.DeviceId]);
    }

    /// <summary>Acknowledges at once, without a comment (the bell's quick button).</summary>
    public async Task<Alert?> AcknowledgeNowAsync(long alertId)
    {
        var actor = await currentActor.DemandAsync(Policies.Operate);
        return await ReportAsync(() => actions.AcknowledgeAsync(alertId, actor, null), null);
    }

    /// <summary>Asks for confirmation, then clears an open alert by hand.</summary>
    public async Task<Alert?> ClearAsync(Alert alert)
    {
        var confirmed = await dialogs.ShowMessageBoxAsync(
            l["Clear.Title"],
            l["Clear.Confirm", alert.RuleName, alert.DeviceId],
            yesText: l["Alerts.Clear"], cancelText: l["Common.Cancel"]);
        if (confirmed != true)
        {
            return null;
        }
        var actor = await currentActor.DemandAsync(Policies.Operate);
        return await ReportAsync(() => actions.ClearAsync(alert.Id, actor, "cleared by hand"), l["Clear.Done", alert.RuleName, alert.DeviceId]);
    }

    /// <summary>Silences notifications of a rule, a device, or both, for a period.</summary>
    public async Task<AlertSilence?> SilenceAsync(long? ruleId, string? deviceId, TimeSpan period)
    {
        var result = await silences.SilenceAsync(new SilenceDraft { RuleId = ruleId, DeviceId = deviceId, For = period }, await currentActor.DemandAsync(Policies.Operate));
        if (result.Status != AlertResultStatus.Ok)
        {
            snackbar.Add(result.Errors is { } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : l["Silence.Failed", result.Status], Severity.Warning);
            return null;
        }
        var what = (ruleId, deviceId) switch
        {
            (not null, not null) => l["Silence.RuleOnDevice", ruleId, deviceId!].Value,
            (not null, null) => l["Silence.ThisRule"].Value,
            _ => deviceId,
        };
        var until = result.Silence!.Until.ToLocalTime();
        snackbar.Add(l["Silence.Done", what!, l.Duration(period), until.ToString("g", CultureInfo.CurrentCulture)], Severity.Normal);
        return result.Silence;
    }

    /// <summary>Asks for a custom period, then silences.</summary>
    public async Task<AlertSilence?> SilenceCustomAsync(long? ruleId, string? deviceId)
    {
        var dialog = await dialogs.ShowAsync<SilenceDialog>(l["Silence.Title"], new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: TimeSpan period } ? await SilenceAsync(ruleId, deviceId, period) : null;
    }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Runs the action and says how it went; a database failure is reported, not thrown into the circuit (an open
    /// alert's change is then retried by the writer together with its audit row).
    /// </summary>
    private async Task<Alert?> ReportAsync(Func<Task<AlertActionResult>> action, string? success)
    {
        AlertActionResult result;
        try
        {
            result = await action();
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            snackbar.Add(l["Alerts.DatabaseRefused"], Severity.Error);
            return null;
        }
        return Report(result, success);
    }

    private Alert? Report(AlertActionResult result, string? success)
    {
        if (result.Status == AlertResultStatus.Ok)
        {
            if (success is not null)
            {
                snackbar.Add(success, Severity.Normal);
            }
            return result.Alert;
        }
        snackbar.Add(result.Detail ?? result.Status switch
        {
            AlertResultStatus.NotFound => l["Alerts.Gone"],
            _ => l["Alerts.NotChanged", result.Status],
        }, Severity.Warning);
        return null;
    }
}
