using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Text;
using DigitalTwin.Core.Twins.Faults;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// The editable fields of a rule, as the API receives them and the rule dialog binds them (settable properties).
/// <see cref="Validate"/> names each invalid field (camelCase, as in the JSON), so the dialog can show it by the field.
/// </summary>
public sealed class AlertRuleDraft
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxTargetLength = 64;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);
    public const double MinAnomalySigmas = 2;
    public const double MaxAnomalySigmas = 20;

    public string? Name { get; set; }

    public string? Description { get; set; }

    public AlertRuleKind Kind { get; set; }

    public AlertTargetKind TargetKind { get; set; }

    public string? Target { get; set; }

    public string? Metric { get; set; }

    public AlertOperator Operator { get; set; }

    /// <summary>Threshold rules: the value compared with. Anomaly rules: the sensitivity in noise scales (empty = medium).</summary>
    public double? Threshold { get; set; }

    public double? ClearThreshold { get; set; }

    public TimeSpan? PendingFor { get; set; }

    public AlertSeverity Severity { get; set; } = AlertSeverity.Warning;

    public TimeSpan? NoDataFor { get; set; }

    public double? RateDelta { get; set; }

    public TimeSpan? RateWindow { get; set; }

    public bool Enabled { get; set; } = true;

    public TimeSpan? RenotifyEvery { get; set; }

    public static AlertRuleDraft From(AlertRule rule) => new()
    {
        Name = rule.Name,
        Description = rule.Description,
        Kind = rule.Kind,
        TargetKind = rule.TargetKind,
        Target = rule.Target,
        Metric = rule.Metric,
        Operator = rule.Operator,
        Threshold = rule.Kind is AlertRuleKind.Threshold or AlertRuleKind.Anomaly ? rule.Threshold : null,
        ClearThreshold = rule.ClearThreshold,
        PendingFor = rule.PendingFor,
        Severity = rule.Severity,
        NoDataFor = rule.NoDataFor,
        RateDelta = rule.RateDelta,
        RateWindow = rule.RateWindow,
        Enabled = rule.Enabled,
        RenotifyEvery = rule.RenotifyEvery,
    };

    /// <summary>Field name to its problems; empty when the draft is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            Add("name", $"'name' is required: 1–{MaxNameLength} characters.");
        }
        if (Description is { Length: > MaxDescriptionLength })
        {
            Add("description", $"'description' may have at most {MaxDescriptionLength} characters.");
        }
        foreach (var (field, value, multiline) in new[] { ("name", Name, false), ("description", Description, true), ("target", Target, false) })
        {
            if (SafeText.FieldError(field, value, multiline) is { } unsafeText)
            {
                Add(field, unsafeText);
            }
        }
        if (!Enum.IsDefined(Kind))
        {
            Add("kind", "'kind' must be Threshold, NoData, RateOfChange or Anomaly.");
        }
        if (!Enum.IsDefined(Operator))
        {
            Add("operator", "'operator' must be GreaterThan, GreaterOrEqual, LessThan or LessOrEqual.");
        }
        if (!Enum.IsDefined(Severity))
        {
            Add("severity", "'severity' must be Critical, Major, Minor or Warning.");
        }
        ValidateTarget(Add);
        var metricOptional = Kind == AlertRuleKind.NoData && string.IsNullOrEmpty(Metric);
        if (!metricOptional && (Metric is null || !MetricName.IsValid(Metric)))
        {
            Add("metric", $"'metric' is required: {MetricName.Rule}.");
        }
        switch (Kind)
        {
            case AlertRuleKind.Threshold:
                ValidateThreshold(Add);
                break;
            case AlertRuleKind.NoData:
                ValidateDuration(NoDataFor, "noDataFor", required: true, Add);
                break;
            case AlertRuleKind.RateOfChange:
                if (RateDelta is not { } delta || !double.IsFinite(delta) || delta <= 0)
                {
                    Add("rateDelta", "'rateDelta' is required for rate-of-change rules: a positive number (the operator gives the direction).");
                }
                ValidateDuration(RateWindow, "rateWindow", required: true, Add);
                break;
            case AlertRuleKind.Anomaly:
                if (Threshold is { } sigmas && !(sigmas >= MinAnomalySigmas && sigmas <= MaxAnomalySigmas))
                {
                    Add("threshold", $"'threshold' of an anomaly rule is its sensitivity in noise scales: {MinAnomalySigmas}–{MaxAnomalySigmas} (empty: {FaultDetectorSettings.MediumSigmas}).");
                }
                break;
        }
        ValidateDuration(PendingFor, "pendingFor", required: false, Add);
        ValidateDuration(RenotifyEvery, "renotifyEvery", required: false, Add);
        if (RenotifyEvery is { } renotify && renotify < TimeSpan.FromSeconds(10))
        {
            Add("renotifyEvery", "'renotifyEvery' must be at least 10 seconds.");
        }
        return errors;
    }

    private void ValidateTarget(Action<string, string> add)
    {
        if (!Enum.IsDefined(TargetKind))
        {
            add("targetKind", "'targetKind' must be Device, Kind or Tag.");
        }
        else if (TargetKind == AlertTargetKind.Device ? !DeviceId.IsValid(Target) : string.IsNullOrWhiteSpace(Target) || Target.Trim().Length > MaxTargetLength)
        {
            add("target", TargetKind switch
            {
                AlertTargetKind.Device => $"'target' must be a device id: {DeviceId.Rule}.",
                AlertTargetKind.Kind => $"'target' must be a device kind (1–{MaxTargetLength} characters, e.g. thermometer).",
                _ => $"'target' must be a tag (1–{MaxTargetLength} characters).",
            });
        }
    }

    private void ValidateThreshold(Action<string, string> add)
    {
        if (Threshold is not { } threshold || !double.IsFinite(threshold))
        {
            add("threshold", "'threshold' is required for threshold rules: a finite number.");
            return;
        }
        if (ClearThreshold is not { } clear)
        {
            return;
        }
        if (!double.IsFinite(clear))
        {
            add("clearThreshold", "'clearThreshold' must be a finite number.");
        }
        else if (Operator.IsUpward() ? clear > threshold : clear < threshold)
        {
            add("clearThreshold", Operator.IsUpward()
                ? $"'clearThreshold' must not be above the threshold ({threshold}) for a {Operator.Symbol()} rule: the alert clears once the value falls below it."
                : $"'clearThreshold' must not be below the threshold ({threshold}) for a {Operator.Symbol()} rule: the alert clears once the value rises above it.");
        }
    }

    private static void ValidateDuration(TimeSpan? value, string field, bool required, Action<string, string> add)
    {
        if (value is null ? required : value <= TimeSpan.Zero || value > MaxDuration)
        {
            add(field, $"'{field}' {(required ? "is required: " : "must be ")}a positive duration of at most {MaxDuration.TotalDays:0} days (e.g. \"00:02:00\").");
        }
    }

    /// <summary>Copies the (validated) draft onto a rule.</summary>
    public void ApplyTo(AlertRule rule)
    {
        rule.Name = Name!.Trim();
        rule.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        rule.Kind = Kind;
        rule.TargetKind = TargetKind;
        rule.Target = Target!.Trim();
        rule.Metric = Metric?.Trim() ?? "";
        rule.Operator = Operator;
        rule.Threshold = Kind switch
        {
            AlertRuleKind.Threshold => Threshold!.Value,
            AlertRuleKind.Anomaly => Threshold ?? FaultDetectorSettings.MediumSigmas,
            _ => 0,
        };
        rule.ClearThreshold = Kind == AlertRuleKind.Threshold ? ClearThreshold : null;
        rule.PendingFor = Kind == AlertRuleKind.NoData ? null : PendingFor;
        rule.Severity = Severity;
        rule.NoDataFor = Kind == AlertRuleKind.NoData ? NoDataFor : null;
        rule.RateDelta = Kind == AlertRuleKind.RateOfChange ? RateDelta : null;
        rule.RateWindow = Kind == AlertRuleKind.RateOfChange ? RateWindow : null;
        rule.Enabled = Enabled;
        rule.RenotifyEvery = RenotifyEvery;
    }
}
