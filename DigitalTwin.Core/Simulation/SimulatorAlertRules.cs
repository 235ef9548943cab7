using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Simulation;

/// <summary>
/// Gives a fresh install something to alert on: when no alert rule exists yet, two rules for the simulated
/// thermometers (tag "simulated") — a warm room that holds for a minute, and a thermometer that goes silent.
/// Once any rule exists (these, edited, or the user's own) nothing is added again, so deleting them sticks.
/// </summary>
public sealed partial class SimulatorAlertRules(IServiceProvider services, ILogger<SimulatorAlertRules> logger) : IHostedService
{
    public const string Tag = "simulated";

    public static IReadOnlyList<AlertRuleDraft> Samples() =>
    [
        new()
        {
            Name = "Simulated room warm", Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Tag, Target = Tag,
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 23, ClearThreshold = 22.5,
            PendingFor = TimeSpan.FromMinutes(1), Severity = AlertSeverity.Warning,
            Description = "Sample rule for the built-in simulator: above 23 °C for a minute, clears below 22.5 °C.",
        },
        new()
        {
            Name = "Simulated thermometer silent", Kind = AlertRuleKind.NoData, TargetKind = AlertTargetKind.Tag, Target = Tag,
            Metric = "temperature", NoDataFor = TimeSpan.FromMinutes(1), Severity = AlertSeverity.Major,
            Description = "Sample rule for the built-in simulator: no temperature for a minute.",
        },
    ];

    /// <summary>Runs before the app serves anything, so the first page already lists the rules.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A host without alerts (AddAlerts not called) has nothing to seed.
        if (services.GetService<AlertRuleService>() is not { } alerts || (await alerts.ListRulesAsync(cancellationToken)).Count > 0)
        {
            return;
        }
        foreach (var draft in Samples())
        {
            var result = await alerts.CreateRuleAsync(draft, Actor.System, cancellationToken);
            if (result.Status != AlertResultStatus.Ok)
            {
                LogRefused(draft.Name!, string.Join("; ", result.Errors?.SelectMany(e => e.Value) ?? []));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample alert rule '{Name}' refused: {Errors}")]
    private partial void LogRefused(string name, string errors);
}
