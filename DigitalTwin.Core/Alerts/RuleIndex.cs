using DigitalTwin.Core.Twins.Faults;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Enabled rules by device and metric, with kind and tag rules expanded to the devices they cover, so matching a
/// reading is two dictionary look-ups. Immutable: rebuilt when rules or devices change, and swapped in whole.
/// </summary>
internal sealed class RuleIndex
{
    public static readonly RuleIndex Empty = new([], []);

    private readonly Dictionary<string, DeviceRules> _byDevice;

    private RuleIndex(Dictionary<string, DeviceRules> byDevice, Dictionary<long, string[]> noDataCoverage)
    {
        _byDevice = byDevice;
        NoDataCoverage = noDataCoverage;
    }

    public bool IsEmpty => _byDevice.Count == 0;

    /// <summary>No-data rules and the devices each watches (the ticker checks each pair).</summary>
    public IReadOnlyDictionary<long, string[]> NoDataCoverage { get; }

    public static RuleIndex Build(IEnumerable<AlertRule> rules, AlertTargets targets, Func<string, DeviceState> state)
    {
        var byDevice = new Dictionary<string, (Dictionary<string, List<AlertRule>> ByMetric, List<AlertRule> NoData)>(StringComparer.Ordinal);
        var noDataCoverage = new Dictionary<long, string[]>();
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            var devices = targets.Matching(rule).ToArray();
            if (rule.Kind == AlertRuleKind.NoData)
            {
                noDataCoverage[rule.Id] = devices;
            }
            foreach (var device in devices)
            {
                if (!byDevice.TryGetValue(device, out var entry))
                {
                    byDevice[device] = entry = (new Dictionary<string, List<AlertRule>>(StringComparer.Ordinal), []);
                }
                if (rule.Kind == AlertRuleKind.NoData)
                {
                    entry.NoData.Add(rule);
                }
                else
                {
                    (entry.ByMetric.TryGetValue(rule.Metric, out var list) ? list : entry.ByMetric[rule.Metric] = []).Add(rule);
                }
            }
        }
        return new RuleIndex(
            byDevice.ToDictionary(d => d.Key, d => new DeviceRules(d.Value.ByMetric.ToDictionary(m => m.Key, m => m.Value.ToArray(), StringComparer.Ordinal), [.. d.Value.NoData], state(d.Key)), StringComparer.Ordinal),
            noDataCoverage);
    }

    public bool TryGet(string deviceId, out DeviceRules rules) => _byDevice.TryGetValue(deviceId, out rules!);
}

/// <param name="State">The device's alert state, kept across re-indexing: one look-up per reading finds rules and state.</param>
internal sealed record DeviceRules(Dictionary<string, AlertRule[]> ByMetric, AlertRule[] NoData, DeviceState State);

/// <summary>Per device, by rule id: its open alert, rate window, fault detector, and when a no-data rule last saw the metric.</summary>
internal sealed class DeviceState
{
    public Dictionary<long, Alert> Open { get; } = [];

    public Dictionary<long, RateWindow> Windows { get; } = [];

    public Dictionary<long, DateTimeOffset> LastSeen { get; } = [];

    /// <summary>Anomaly rules: the device's fault detector for the rule's metric (bounded state, learned from its readings).</summary>
    public Dictionary<long, FaultDetector> Detectors { get; } = [];
}
