using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;

namespace DigitalTwin.Tests.Alerts;

/// <summary>No data, rate of change, re-notify, silences, acknowledge and clear by hand.</summary>
public sealed class AlertEngineTimerTests
{
    [Fact]
    public async Task NoData_DeviceSilentForTheDuration_ActiveThenClearedByData()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => (d.Kind, d.Metric, d.NoDataFor) = (AlertRuleKind.NoData, "", TimeSpan.FromMinutes(5)));
        await harness.ReadAsync(20);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.Empty(harness.Changes);
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        var active = Assert.Single(harness.Changes);
        Assert.Equal(AlertTransition.BecameActive, active.Transition);
        Assert.Equal(AlertHarness.Start, active.Alert.PendingSince);
        Assert.Null(active.Alert.LastValue);
        await harness.ReadAsync(21, after: TimeSpan.FromSeconds(10));
        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Cleared], harness.Transitions);
        Assert.Equal("Data again", harness.Changes[^1].Alert.ClearReason);
    }

    [Fact]
    public async Task NoData_RegisteredDeviceThatNeverSends_ActiveAfterTheDuration()
    {
        using var harness = new AlertHarness();
        harness.AddDevice("meter-7", "meter", "basement");
        await harness.AddRuleAsync(d => (d.Kind, d.Metric, d.NoDataFor, d.TargetKind, d.Target) =
            (AlertRuleKind.NoData, "power", TimeSpan.FromMinutes(1), AlertTargetKind.Tag, "basement"));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(62));

        var change = Assert.Single(harness.Changes);
        Assert.Equal("meter-7", change.Alert.DeviceId);
        Assert.Equal(AlertState.Active, change.Alert.State);
    }

    [Fact]
    public async Task NoData_OtherMetricsArrive_StillAlerts()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => (d.Kind, d.Metric, d.NoDataFor) = (AlertRuleKind.NoData, "humidity", TimeSpan.FromMinutes(1)));

        for (var i = 0; i < 10; i++)
        {
            await harness.ReadAsync(20, after: TimeSpan.FromSeconds(10));
        }

        Assert.Equal([AlertTransition.BecameActive], harness.Transitions);
    }

    [Fact]
    public async Task RateOfChange_FastRise_ActiveAndSlowRise_Not()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => (d.Kind, d.RateDelta, d.RateWindow, d.Threshold) = (AlertRuleKind.RateOfChange, 5, TimeSpan.FromMinutes(10), null));

        // 1 °C every 3 minutes: 3.3 °C per 10 minutes, never more than 5.
        for (var i = 0; i < 10; i++)
        {
            await harness.ReadAsync(20 + i, after: TimeSpan.FromMinutes(3));
        }
        Assert.Empty(harness.Changes);

        // Then 6 °C within 4 minutes.
        await harness.ReadAsync(32, after: TimeSpan.FromMinutes(2));
        await harness.ReadAsync(35, after: TimeSpan.FromMinutes(2));

        var change = Assert.Single(harness.Changes);
        Assert.Equal(AlertTransition.BecameActive, change.Transition);
        Assert.True(change.Alert.FirstValue > 5, $"change {change.Alert.FirstValue}");
        // Flat for longer than the window: the change within it is zero, so the alert clears.
        await harness.ReadAsync(35, after: TimeSpan.FromMinutes(11));
        Assert.Equal(AlertTransition.Cleared, harness.Transitions.Last());
    }

    [Fact]
    public async Task RateOfChange_FallingRule_FastDrop_Active()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => (d.Kind, d.Operator, d.RateDelta, d.RateWindow, d.Threshold) =
            (AlertRuleKind.RateOfChange, AlertOperator.LessThan, 5, TimeSpan.FromMinutes(10), null));

        await harness.ReadAsync(30);
        await harness.ReadAsync(40, after: TimeSpan.FromMinutes(1));
        Assert.Empty(harness.Changes);
        await harness.ReadAsync(33, after: TimeSpan.FromMinutes(1));

        Assert.Equal(-7, Assert.Single(harness.Changes).Alert.FirstValue);
    }

    [Fact]
    public async Task Renotify_ActiveAndUnacknowledged_NotifiedAgainAtTheIntervalUntilAcknowledged()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.RenotifyEvery = TimeSpan.FromMinutes(10));
        await harness.ReadAsync(31);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(25));
        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Renotified, AlertTransition.Renotified], harness.Notifications.Select(n => n.Transition));

        await harness.Engine.AcknowledgeAsync(harness.Changes[0].Alert.Id, new Actor("operator", ActorKind.User), "on it");
        await harness.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(3, harness.Notifications.Count);
        Assert.Equal(0, harness.Engine.UnacknowledgedCount);
        var acknowledged = harness.Changes.Single(c => c.Transition == AlertTransition.Acknowledged);
        Assert.Equal("operator", acknowledged.Alert.AcknowledgedBy);
        Assert.Equal("on it", acknowledged.Alert.AcknowledgeComment);
    }

    [Fact]
    public async Task Silence_DeviceSilenced_AlertStillActiveButNotificationMarkedSilenced()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync();
        harness.Engine.AddSilence(new AlertSilence { DeviceId = "dev-1", Until = AlertHarness.Start.AddHours(1) });

        await harness.ReadAsync(31);
        await harness.ReadAsync(20, after: TimeSpan.FromMinutes(59));
        await harness.ReadAsync(31, after: TimeSpan.FromMinutes(2));

        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Cleared, AlertTransition.BecameActive], harness.Transitions);
        Assert.Equal([true, true, false], harness.Notifications.Select(n => n.Silenced));
    }

    [Fact]
    public async Task ClearByHand_OpenAlert_ClearedWithWhoAndNewAlertOnTheNextBreach()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync();
        await harness.ReadAsync(31);
        var id = harness.Changes[0].Alert.Id;

        var cleared = (await harness.Engine.ClearAsync(id, new Actor("kim", ActorKind.User), "sensor moved"))?.Alert;
        await harness.ReadAsync(32, after: TimeSpan.FromSeconds(1));

        Assert.Equal(AlertState.Cleared, cleared!.State);
        Assert.Equal("kim", cleared.ClearedBy);
        Assert.Equal("sensor moved", cleared.ClearReason);
        Assert.Null(await harness.Engine.ClearAsync(id, new Actor("kim", ActorKind.User), null));
        Assert.NotEqual(id, harness.Changes[^1].Alert.Id);
        Assert.Equal(AlertTransition.BecameActive, harness.Transitions.Last());
    }
}
