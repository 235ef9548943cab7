using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Alerts;

/// <summary>
/// A person acts on an alert whose last transition the writer has not committed yet: the stored alert must end with
/// both the engine's transition and the person's action. The alert writer is held (stopped) to keep writes queued.
/// </summary>
public sealed class AlertAcknowledgeRaceTests : IAsyncLifetime
{
    private static readonly Actor Kim = new("kim", ActorKind.User);
    private readonly List<AlertChange> _changes = [];
    private AlertHost _host = null!;

    private AlertWriter Writer => _host.Services.GetRequiredService<AlertWriter>();

    private AlertActionService Actions => _host.Services.GetRequiredService<AlertActionService>();

    private AlertRuleService Rules => _host.Services.GetRequiredService<AlertRuleService>();

    public async Task InitializeAsync()
    {
        _host = await AlertHost.StartAsync();
        _host.Services.GetRequiredService<IAlertFeed>().Subscribe(c =>
        {
            lock (_changes)
            {
                _changes.Add(c);
            }
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Acknowledge_ClearedWriteStillQueued_StoredAlertKeepsClearAndAcknowledgement()
    {
        var alert = await ClearedWhileWriterHeldAsync("race-1");
        Assert.True(Writer.Depth > 0, "the Cleared write waits in the queue");
        var acknowledging = Actions.AcknowledgeAsync(alert.Id, Kim, "seen it");
        await Writer.StartAsync(CancellationToken.None);
        var result = await acknowledging;

        Assert.Equal(AlertResultStatus.Ok, result.Status);
        var stored = await StoredAsync("race-1", a => Writer.IsIdle);
        Assert.Equal(AlertState.Cleared, stored.State);
        Assert.NotNull(stored.ClearedAt);
        Assert.True(stored.Acknowledged, "the acknowledgement survives the queued Cleared write");
        Assert.Equal("kim", stored.AcknowledgedBy);
        Assert.Equal("seen it", stored.AcknowledgeComment);
        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Cleared, AlertTransition.Acknowledged], await HistoryAsync(alert.Id));
    }

    [Fact]
    public async Task Acknowledge_AlertOpenedAndClearedBeforeAnyWrite_AcknowledgedNotMissing()
    {
        await CreateRuleAsync("race-2");
        await Writer.StopAsync(CancellationToken.None);
        await ReportAsync("race-2", 35);
        await ReportAsync("race-2", 20);
        var alert = Assert.Single(_changes, c => c.Transition == AlertTransition.Cleared).Alert;

        var acknowledging = Actions.AcknowledgeAsync(alert.Id, Kim, null);
        await Writer.StartAsync(CancellationToken.None);

        Assert.Equal(AlertResultStatus.Ok, (await acknowledging).Status);
        var stored = await StoredAsync("race-2", a => Writer.IsIdle);
        Assert.Equal(AlertState.Cleared, stored.State);
        Assert.True(stored.Acknowledged);
    }

    [Fact]
    public async Task Acknowledge_Twice_WhileClearedWriteQueued_RecordedOnce()
    {
        var alert = await ClearedWhileWriterHeldAsync("race-3");

        var first = Actions.AcknowledgeAsync(alert.Id, Kim, "first");
        var second = Actions.AcknowledgeAsync(alert.Id, new Actor("lee", ActorKind.User), "second");
        await Writer.StartAsync(CancellationToken.None);
        await Task.WhenAll(first, second);

        var stored = await StoredAsync("race-3", a => Writer.IsIdle);
        Assert.Equal(("kim", "first"), (stored.AcknowledgedBy, stored.AcknowledgeComment));
        Assert.Single(await HistoryAsync(alert.Id), t => t == AlertTransition.Acknowledged);
    }

    [Fact]
    public async Task Clear_ClearedWriteStillQueued_ConflictShowingTheClearedAlert()
    {
        var alert = await ClearedWhileWriterHeldAsync("race-4");

        var result = await Actions.ClearAsync(alert.Id, Kim, "by hand");
        await Writer.StartAsync(CancellationToken.None);

        Assert.Equal(AlertResultStatus.Conflict, result.Status);
        Assert.Equal(AlertState.Cleared, result.Alert!.State);
        var stored = await StoredAsync("race-4", a => Writer.IsIdle);
        Assert.Null(stored.ClearedBy);
    }

    /// <summary>An alert of <paramref name="device"/> that became active (committed), then cleared with the writer held.</summary>
    private async Task<Alert> ClearedWhileWriterHeldAsync(string device)
    {
        await CreateRuleAsync(device);
        await ReportAsync(device, 35);
        var alert = await StoredAsync(device, a => a.State == AlertState.Active);
        await Writer.StopAsync(CancellationToken.None);
        await ReportAsync(device, 20);
        return alert;
    }

    private async Task CreateRuleAsync(string device)
    {
        var result = await Rules.CreateRuleAsync(new AlertRuleDraft
        {
            Name = "Too hot", Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Device, Target = device,
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30,
        }, Actor.System);
        Assert.Equal(AlertResultStatus.Ok, result.Status);
    }

    private async Task ReportAsync(string device, double temperature)
    {
        var now = DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<AlertEngine>()
            .ObserveAsync([new TelemetryReading(device, now, now, [new MetricValue("temperature", temperature)])], CancellationToken.None);
    }

    private async Task<Alert> StoredAsync(string device, Func<Alert, bool> done) =>
        await Eventually.MatchAsync(
            async () =>
            {
                await using var db = await _host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>().CreateDbContextAsync();
                return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.DeviceId == device);
            },
            a => a is not null && done(a),
            what: $"the stored alert of {device}") ?? throw new InvalidOperationException();

    private async Task<List<AlertTransition>> HistoryAsync(long alertId)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>().CreateDbContextAsync();
        return await db.AlertHistory.AsNoTracking().Where(h => h.AlertId == alertId).OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Transition).ToListAsync();
    }
}
