using DigitalTwin.Core.Alerts;

namespace DigitalTwin.Tests.Alerts;

/// <summary>The threshold state machine: pending period, hysteresis, flapping input, one open alert per rule and device.</summary>
public sealed class AlertEngineThresholdTests
{
    [Fact]
    public async Task Reading_CrossesThresholdWithoutPendingPeriod_ActiveAtOnceAndNotified()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync();

        await harness.ReadAsync(29.9);
        Assert.Empty(harness.Changes);
        await harness.ReadAsync(30.5);

        var change = Assert.Single(harness.Changes);
        Assert.Equal(AlertTransition.BecameActive, change.Transition);
        Assert.Equal(AlertState.Active, change.Alert.State);
        Assert.Equal(30.5, change.Alert.FirstValue);
        Assert.Equal(1, change.UnacknowledgedCount);
        var notification = Assert.Single(harness.Notifications);
        Assert.Equal(AlertTransition.BecameActive, notification.Transition);
        Assert.False(notification.Silenced);
    }

    [Fact]
    public async Task PendingPeriod_ConditionHoldsThroughout_ActiveOnlyWhenPeriodElapsed()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.PendingFor = TimeSpan.FromMinutes(2));

        await harness.ReadAsync(31);
        await harness.ReadAsync(32, after: TimeSpan.FromSeconds(60));
        Assert.Equal([AlertTransition.BecamePending], harness.Transitions);
        Assert.Empty(harness.Notifications);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal([AlertTransition.BecamePending], harness.Transitions);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([AlertTransition.BecamePending, AlertTransition.BecameActive], harness.Transitions);
        var active = harness.Changes[^1].Alert;
        Assert.Equal(AlertHarness.Start, active.PendingSince);
        Assert.Equal(AlertHarness.Start.AddMinutes(2), active.ActivatedAt);
        Assert.Equal(32, active.PeakValue);
        Assert.Single(harness.Notifications);
    }

    [Fact]
    public async Task PendingPeriod_ValueBackToNormalMeanwhile_DroppedWithoutNotification()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.PendingFor = TimeSpan.FromMinutes(2));

        await harness.ReadAsync(31);
        await harness.ReadAsync(29, after: TimeSpan.FromSeconds(90));
        await harness.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal([AlertTransition.BecamePending, AlertTransition.Resolved], harness.Transitions);
        Assert.Empty(harness.Notifications);
        Assert.Equal(0, harness.Engine.OpenCount);
    }

    [Fact]
    public async Task Hysteresis_ValueHoveringAtTheLine_OneAlertThatDoesNotFlap()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.ClearThreshold = 28);

        foreach (var value in new[] { 30.1, 29.9, 30.2, 29.8, 30.05, 28.5, 30.3 })
        {
            await harness.ReadAsync(value, after: TimeSpan.FromSeconds(5));
        }

        Assert.Equal(AlertTransition.BecameActive, harness.Transitions.First());
        Assert.DoesNotContain(AlertTransition.Cleared, harness.Transitions);
        Assert.Single(harness.Notifications);
        var alert = harness.Engine.Find(harness.Changes[0].Alert.Id)!;
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal(4, alert.TriggerCount); // the first crossing and three returns above the line
        Assert.Equal(30.3, alert.PeakValue);
        Assert.Equal(30.3, alert.LastValue);
        Assert.Equal(30.1, alert.FirstValue);
    }

    [Fact]
    public async Task Hysteresis_ValueBelowClearThreshold_ClearedAndNotified()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.ClearThreshold = 28);

        await harness.ReadAsync(31);
        await harness.ReadAsync(28.5, after: TimeSpan.FromSeconds(5));
        await harness.ReadAsync(27.9, after: TimeSpan.FromSeconds(5));

        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Cleared], harness.Transitions);
        var cleared = harness.Changes[^1].Alert;
        Assert.Equal(AlertState.Cleared, cleared.State);
        Assert.Null(cleared.ClearedBy);
        Assert.Contains("below 28", cleared.ClearReason);
        Assert.Equal(0, harness.Changes[^1].UnacknowledgedCount);
        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Cleared], harness.Notifications.Select(n => n.Transition));
    }

    [Fact]
    public async Task FlappingInput_ShorterThanPendingPeriod_NeverActive()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.PendingFor = TimeSpan.FromMinutes(1));

        for (var i = 0; i < 20; i++)
        {
            await harness.ReadAsync(i % 2 == 0 ? 35 : 25, after: TimeSpan.FromSeconds(20));
        }

        Assert.DoesNotContain(AlertTransition.BecameActive, harness.Transitions);
        Assert.Empty(harness.Notifications);
        Assert.Equal(10, harness.Transitions.Count(t => t == AlertTransition.BecamePending));
    }

    [Fact]
    public async Task LessThanRule_ValueFallsBelow_ActiveWithLowestValueAsPeak()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => (d.Operator, d.Threshold, d.ClearThreshold) = (AlertOperator.LessThan, 5, 7));

        await harness.ReadAsync(4);
        await harness.ReadAsync(2, after: TimeSpan.FromSeconds(1));
        await harness.ReadAsync(6, after: TimeSpan.FromSeconds(1));

        var alert = harness.Engine.Find(harness.Changes[0].Alert.Id)!;
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal(2, alert.PeakValue);
        await harness.ReadAsync(7.5, after: TimeSpan.FromSeconds(1));
        Assert.Equal(AlertTransition.Cleared, harness.Transitions.Last());
    }

    [Fact]
    public async Task RepeatedReadings_OpenAlert_OneAlertPerRuleAndDevice()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync();
        harness.AddDevice("dev-2", "thermometer");
        await harness.AddRuleAsync(d => (d.TargetKind, d.Target) = (AlertTargetKind.Kind, "thermometer"));

        for (var i = 0; i < 10; i++)
        {
            await harness.ReadAsync(31 + i, after: TimeSpan.FromSeconds(1));
        }
        await harness.ReadAsync(50, device: "dev-2");

        // dev-1 has rule 1 only (it is not registered as a thermometer); dev-2 has the kind rule.
        Assert.Equal(2, harness.Engine.OpenCount);
        Assert.Equal(2, harness.Transitions.Count(t => t == AlertTransition.BecameActive));
        var alert = harness.Engine.Find(harness.Changes[0].Alert.Id)!;
        Assert.Equal(1, alert.TriggerCount);
        Assert.Equal(40, alert.LastValue);
        Assert.Equal(40, alert.PeakValue);
    }

    [Fact]
    public async Task LateReading_OlderThanTheAlertsLastValue_Ignored()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync();
        await harness.ReadAsync(31);
        await harness.ReadAsync(32, after: TimeSpan.FromSeconds(10));
        var late = harness.Time.GetUtcNow().AddSeconds(-5);

        await harness.Engine.ObserveAsync([new Core.Telemetry.TelemetryReading("dev-1", late, late, [new Core.Telemetry.MetricValue("temperature", 10)])], CancellationToken.None);

        Assert.Equal(AlertState.Active, harness.Engine.Find(harness.Changes[0].Alert.Id)!.State);
    }
}
