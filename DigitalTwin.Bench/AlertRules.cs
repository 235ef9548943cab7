using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// The alert load of the benchmark: the bench devices get kinds and tags, then 100 rules are created through
/// <see cref="AlertRuleService"/> as the API would: a third per device, per kind and per tag; thresholds, rates of change
/// and no-data timers; ten of them fire on every device they watch (humidity is always 40.1).
/// </summary>
internal static class AlertRules
{
    public const int Count = 100;

    public static async Task<int> AddAsync(BenchApp app, BenchDevices devices)
    {
        var registry = app.Services.GetRequiredService<DeviceRegistry>();
        for (var i = 0; i < devices.Count; i++)
        {
            await registry.UpdateAsync(devices.Ids[i], new DeviceDraft(null, null, i % 2 == 0 ? "thermometer" : "hygrometer", null, [$"floor-{i % 10}"], null, null), Actor.System);
        }
        var alerts = app.Services.GetRequiredService<AlertRuleService>();
        for (var r = 0; r < Count; r++)
        {
            var result = await alerts.CreateRuleAsync(Rule(r, devices), Actor.System);
            if (result.Status != AlertResultStatus.Ok)
            {
                throw new InvalidOperationException($"Rule {r} refused: {string.Join("; ", result.Errors!.SelectMany(e => e.Value))}");
            }
        }
        return Count;
    }

    private static AlertRuleDraft Rule(int r, BenchDevices devices)
    {
        var (targetKind, target) = (r % 3) switch
        {
            0 => (AlertTargetKind.Device, devices.Ids[r * 7 % devices.Count]),
            1 => (AlertTargetKind.Kind, r % 2 == 0 ? "thermometer" : "hygrometer"),
            _ => (AlertTargetKind.Tag, $"floor-{r % 10}"),
        };
        var draft = new AlertRuleDraft
        {
            Name = $"bench rule {r}", TargetKind = targetKind, Target = target, Severity = (AlertSeverity)(r % 4),
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30 + r, ClearThreshold = 28 + r,
        };
        switch (r % 10)
        {
            case 0:
                // Fires: humidity is 40.1 in every bench message.
                (draft.Metric, draft.Threshold, draft.ClearThreshold) = ("humidity", 40, 39);
                break;
            case 3:
                (draft.Kind, draft.Threshold, draft.ClearThreshold, draft.RateDelta, draft.RateWindow) =
                    (AlertRuleKind.RateOfChange, null, null, 5, TimeSpan.FromMinutes(10));
                break;
            case 7:
                (draft.Kind, draft.Metric, draft.NoDataFor) = (AlertRuleKind.NoData, "seq", TimeSpan.FromHours(1));
                break;
            default:
                draft.PendingFor = r % 2 == 0 ? TimeSpan.FromMinutes(2) : null;
                break;
        }
        return draft;
    }
}
