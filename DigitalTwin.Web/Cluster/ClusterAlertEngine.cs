using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// The alert engine as the services of one instance see it in cluster mode: every change goes to the
/// <see cref="IAlertHostGrain"/>, wherever it runs. What this instance can answer itself comes from its own engine when
/// the host runs here (else the stored alert stands: it is committed within moments), and the bell's count from the
/// newest alert change the cluster told it about. Also the reading observer that hands each batch to the host, and the
/// keeper that wakes the host again within seconds after the instance holding it died.
/// </summary>
public sealed partial class ClusterAlertEngine(IGrainFactory grains, AlertEngine local, IAlertFeed feed, ILogger<ClusterAlertEngine> logger)
    : BackgroundService, IAlertEngine
{
    private static readonly TimeSpan KeepAwake = TimeSpan.FromSeconds(5);
    private int _unacknowledged;

    private IAlertHostGrain Host => grains.GetGrain<IAlertHostGrain>(0);

    public int UnacknowledgedCount => Volatile.Read(ref _unacknowledged);

    public async ValueTask<int> OpenCountAsync() => (await Host.CountsAsync()).Open;

    public AlertRule? Rule(long ruleId) => local.Rule(ruleId);

    public Alert? Find(long alertId) => local.Find(alertId);

    public Alert Current(Alert stored) => local.Current(stored);

    public DateTimeOffset? SilencedUntil(long ruleId, DateTimeOffset now) => local.SilencedUntil(ruleId, now);

    public async ValueTask<PersonAction?> AcknowledgeAsync(long alertId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        await Host.AcknowledgeAsync(alertId, actor, comment).WaitAsync(cancellationToken) is { } alert ? new PersonAction(alert, Task.CompletedTask) : null;

    public async ValueTask<PersonAction?> ClearAsync(long alertId, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        await Host.ClearAsync(alertId, actor, reason).WaitAsync(cancellationToken) is { } alert ? new PersonAction(alert, Task.CompletedTask) : null;

    public async ValueTask ApplyRuleAsync(AlertRule rule, CancellationToken cancellationToken = default) => await Host.ApplyRuleAsync(rule).WaitAsync(cancellationToken);

    public async ValueTask RemoveRuleAsync(long ruleId, CancellationToken cancellationToken = default) => await Host.RemoveRuleAsync(ruleId).WaitAsync(cancellationToken);

    public async ValueTask AddSilenceAsync(AlertSilence silence) => await Host.AddSilenceAsync(silence);

    public async ValueTask RemoveSilenceAsync(long silenceId) => await Host.RemoveSilenceAsync(silenceId);

    /// <summary>Readings this instance ingested, judged by the one engine; the pipeline waits, as it waits for its own.</summary>
    public async ValueTask ObserveAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            await Host.ObserveAsync([.. batch]).WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(change => Volatile.Write(ref _unacknowledged, change.UnacknowledgedCount));
        using var timer = new PeriodicTimer(KeepAwake);
        try
        {
            do
            {
                // Also what starts the host (time-based rules need it running even when no reading comes).
                await RefreshCountAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RefreshCountAsync(CancellationToken stoppingToken)
    {
        try
        {
            Volatile.Write(ref _unacknowledged, (await Host.CountsAsync().WaitAsync(stoppingToken)).Unacknowledged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHostUnreachable(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster's alert host did not answer; trying again")]
    private partial void LogHostUnreachable(Exception exception);
}
