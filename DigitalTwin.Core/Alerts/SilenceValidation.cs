using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Alerts;

internal static class SilenceValidation
{
    public static Dictionary<string, string[]> Validate(SilenceDraft draft, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (draft.RuleId is null && draft.DeviceId is null)
        {
            errors["ruleId"] = ["Give 'ruleId', 'deviceId' or both: what to silence."];
        }
        if (draft.DeviceId is { } deviceId && !DeviceId.IsValid(deviceId.Trim()))
        {
            errors["deviceId"] = [$"'deviceId' must be a device id: {DeviceId.Rule}."];
        }
        if ((draft.For is null) == (draft.Until is null))
        {
            errors["for"] = ["Give either 'for' (a duration, e.g. \"01:00:00\") or 'until' (a time), not both."];
        }
        else if (draft.For is { } period && (period <= TimeSpan.Zero || period > AlertRuleDraft.MaxDuration))
        {
            errors["for"] = [$"'for' must be a positive duration of at most {AlertRuleDraft.MaxDuration.TotalDays:0} days."];
        }
        else if (draft.Until is { } until && (until <= now || until > now + AlertRuleDraft.MaxDuration))
        {
            errors["until"] = [$"'until' must be in the future, at most {AlertRuleDraft.MaxDuration.TotalDays:0} days ahead."];
        }
        if (SafeText.FieldError("reason", draft.Reason, multiline: true) is { } unsafeReason)
        {
            errors["reason"] = [unsafeReason];
        }
        if (draft.Reason is { Length: > 500 })
        {
            errors["reason"] = ["'reason' may have at most 500 characters."];
        }
        return errors;
    }
}
