using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins.Faults;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>The fields of an anomaly rule in the rule dialog: sensitivity (noise scales) and minimum duration.</summary>
public partial class AnomalyRuleFields
{
    private static readonly (double Sigmas, string Key)[] Levels =
    [
        (FaultDetectorSettings.HighSigmas, "Alerts.Anomaly.High"),
        (FaultDetectorSettings.MediumSigmas, "Alerts.Anomaly.Medium"),
        (FaultDetectorSettings.LowSigmas, "Alerts.Anomaly.Low"),
    ];

    /// <summary>The dialog's draft; this component sets its <see cref="AlertRuleDraft.Threshold"/> and <see cref="AlertRuleDraft.PendingFor"/>.</summary>
    [Parameter, EditorRequired]
    public required AlertRuleDraft Draft { get; set; }

    /// <summary>Called with the field's name after a change, so the dialog validates and shows it.</summary>
    [Parameter]
    public Action<string> Changed { get; set; } = _ => { };

    [Parameter, EditorRequired]
    public required Func<string, bool> Shows { get; set; }

    [Parameter, EditorRequired]
    public required Func<string, string?> ErrorOf { get; set; }

    private void SetSensitivity(double? sigmas)
    {
        Draft.Threshold = sigmas;
        Changed("threshold");
    }

    private void SetMinimumDuration(TimeSpan? duration)
    {
        Draft.PendingFor = duration;
        Changed("pendingFor");
    }
}
