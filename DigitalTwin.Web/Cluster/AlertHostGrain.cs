using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// Makes this instance's <see cref="AlertEngine"/> the cluster's: restored from the database on activation, ticked by
/// a timer that keeps the grain alive, fed and asked by every instance. Reentrant: the engine orders its own work.
/// </summary>
[Reentrant]
public sealed class AlertHostGrain(AlertEngine engine, AlertStateLoader loader, IOptions<AlertOptions> options, ILogger<AlertHostGrain> logger)
    : Grain, IAlertHostGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await loader.RestoreAsync(engine, cancellationToken);
        var every = options.Value.TickInterval;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(every, every) { Interleave = true, KeepAlive = true });
    }

    public async Task<AlertCounts> CountsAsync() => new(await engine.OpenCountAsync(), engine.UnacknowledgedCount);

    public async Task ObserveAsync(TelemetryReading[] readings) => await engine.ObserveAsync(readings, CancellationToken.None);

    public async Task<Alert?> AcknowledgeAsync(long alertId, Actor actor, string? comment) =>
        await CommittedAsync(await engine.AcknowledgeAsync(alertId, actor, comment));

    public async Task<Alert?> ClearAsync(long alertId, Actor actor, string? reason) =>
        await CommittedAsync(await engine.ClearAsync(alertId, actor, reason));

    public async Task ApplyRuleAsync(AlertRule rule) => await engine.ApplyRuleAsync(rule);

    public async Task RemoveRuleAsync(long ruleId) => await engine.RemoveRuleAsync(ruleId);

    public async Task AddSilenceAsync(AlertSilence silence) => await engine.AddSilenceAsync(silence);

    public async Task RemoveSilenceAsync(long silenceId) => await engine.RemoveSilenceAsync(silenceId);

    private static async Task<Alert?> CommittedAsync(PersonAction? action)
    {
        if (action is null)
        {
            return null;
        }
        await action.Committed;
        return action.Alert;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await engine.TickAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An alert tick failed");
        }
    }
}
