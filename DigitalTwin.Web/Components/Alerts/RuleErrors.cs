using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins.Faults;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>
/// The rule dialog's field errors in the reader's language. <see cref="AlertRuleDraft.Validate"/> answers in English
/// (the API's words); the draft says which rule a field broke, so the dialog picks the words from the field and the
/// draft. A field the dialog cannot get wrong (kind, operator, severity: picked from lists) keeps the English.
/// </summary>
public static class RuleErrors
{
    public static string Describe(this IStringLocalizer l, string field, AlertRuleDraft draft, IEnumerable<string> english)
    {
        var days = AlertRuleDraft.MaxDuration.TotalDays.ToString("0", CultureInfo.InvariantCulture);
        LocalizedString? text = field switch
        {
            "name" => l["RuleError.name", AlertRuleDraft.MaxNameLength],
            "description" => l["RuleError.description", AlertRuleDraft.MaxDescriptionLength],
            "target" => l[$"RuleError.target.{draft.TargetKind}", AlertRuleDraft.MaxTargetLength],
            "metric" => l["RuleError.metric"],
            "threshold" when draft.Kind == AlertRuleKind.Anomaly => l["RuleError.threshold.Anomaly",
                AlertRuleDraft.MinAnomalySigmas, AlertRuleDraft.MaxAnomalySigmas, FaultDetectorSettings.MediumSigmas],
            "threshold" => l["RuleError.threshold"],
            "clearThreshold" when draft.ClearThreshold is { } clear && double.IsFinite(clear) && draft.Threshold is { } threshold =>
                l[draft.Operator.IsUpward() ? "RuleError.clearThreshold.Above" : "RuleError.clearThreshold.Below", threshold, draft.Operator.Symbol()],
            "clearThreshold" => l["RuleError.clearThreshold"],
            "rateDelta" => l["RuleError.rateDelta"],
            "renotifyEvery" when draft.RenotifyEvery is { } every && every > TimeSpan.Zero && every < TimeSpan.FromSeconds(10) => l["RuleError.renotifyEvery.Min"],
            "noDataFor" or "rateWindow" or "pendingFor" or "renotifyEvery" => l[$"RuleError.{field}", days],
            _ => null,
        };
        return text is { ResourceNotFound: false } ? text.Value : string.Join(" ", english);
    }
}
