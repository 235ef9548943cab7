using DigitalTwin.Core.Alerts;

namespace DigitalTwin.Tests.Alerts;

/// <summary>Rules changed while the app runs, and state restored after a restart.</summary>
public sealed class AlertEngineRuleChangeTests
{
    [Fact]
    public async Task RuleEdited_ThresholdRaisedAboveTheLastValue_OpenAlertCleared()
    {
        using var harness = new AlertHarness();
        var rule = await harness.AddRuleAsync();
        await harness.ReadAsync(31);

        await harness.Engine.ApplyRuleAsync(AlertHarness.Rule(rule.Id, d => d.Threshold = 35));
        await harness.ReadAsync(33, after: TimeSpan.FromSeconds(1));

        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Cleared], harness.Transitions);
        Assert.StartsWith("Rule changed", harness.Changes[^1].Alert.ClearReason);
    }

    [Fact]
    public async Task RuleEdited_NewSeverity_OpenAlertKeepsGoingWithIt()
    {
        using var harness = new AlertHarness();
        var rule = await harness.AddRuleAsync();
        await harness.ReadAsync(31);

        await harness.Engine.ApplyRuleAsync(AlertHarness.Rule(rule.Id, d => d.Severity = AlertSeverity.Critical));

        var alert = harness.Engine.Find(harness.Changes[0].Alert.Id)!;
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public async Task RuleDisabledOrDeleted_OpenAlertsCleared_NoNewOnes()
    {
        using var harness = new AlertHarness();
        var first = await harness.AddRuleAsync();
        var second = await harness.AddRuleAsync(d => d.Threshold = 20);
        await harness.ReadAsync(31);
        Assert.Equal(2, harness.Engine.OpenCount);

        await harness.Engine.ApplyRuleAsync(AlertHarness.Rule(first.Id, d => d.Enabled = false));
        await harness.Engine.RemoveRuleAsync(second.Id);
        await harness.ReadAsync(40, after: TimeSpan.FromSeconds(1));

        Assert.Equal(0, harness.Engine.OpenCount);
        Assert.Equal(["Rule disabled", "Rule deleted"], harness.Changes.Where(c => c.Transition == AlertTransition.Cleared).Select(c => c.Alert.ClearReason));
    }

    [Fact]
    public async Task RuleCreated_WhileReadingsFlow_AppliesToTheNextReading()
    {
        using var harness = new AlertHarness();
        await harness.ReadAsync(31);
        Assert.Empty(harness.Changes);

        await harness.AddRuleAsync();
        await harness.ReadAsync(31, after: TimeSpan.FromSeconds(1));

        Assert.Equal([AlertTransition.BecameActive], harness.Transitions);
    }

    [Fact]
    public async Task Restore_PendingAlertWhosePeriodElapsedMeanwhile_ActiveOnlyOnAFreshBreach()
    {
        var rule = AlertHarness.Rule(1, d => d.PendingFor = TimeSpan.FromMinutes(2));
        var pending = Pending(rule, 7, AlertHarness.Start.AddMinutes(-10));
        using var harness = new AlertHarness([rule], [pending], maxAlertId: 7);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(harness.Changes);
        await harness.ReadAsync(32);

        var active = Assert.Single(harness.Changes);
        Assert.Equal(AlertTransition.BecameActive, active.Transition);
        Assert.Equal(7, active.Alert.Id);
        Assert.Equal(AlertHarness.Start.AddMinutes(-10), active.Alert.PendingSince);
    }

    [Fact]
    public async Task Restore_PendingAlertAndValueNowNormal_Resolved()
    {
        var rule = AlertHarness.Rule(1, d => d.PendingFor = TimeSpan.FromMinutes(2));
        var pending = Pending(rule, 3, AlertHarness.Start.AddMinutes(-1));
        using var harness = new AlertHarness([rule], [pending], maxAlertId: 3);

        await harness.ReadAsync(25);
        await harness.ReadAsync(31, after: TimeSpan.FromSeconds(1));

        Assert.Equal([AlertTransition.Resolved, AlertTransition.BecamePending], harness.Transitions);
        Assert.Equal(4, harness.Changes[^1].Alert.Id);
    }

    [Fact]
    public async Task Transitions_EachQueuedForTheDatabase()
    {
        using var harness = new AlertHarness();
        await harness.AddRuleAsync(d => d.ClearThreshold = 28);

        await harness.ReadAsync(31);
        await harness.ReadAsync(27, after: TimeSpan.FromSeconds(1));

        Assert.Equal(2, harness.Writer.Depth);
    }

    /// <summary>A pending alert of the rule on dev-1 at 31, as the database would hand it back at start.</summary>
    private static Alert Pending(AlertRule rule, long id, DateTimeOffset since) => new()
    {
        Id = id, RuleId = rule.Id, RuleName = rule.Name, DeviceId = "dev-1", Metric = "temperature", State = AlertState.Pending,
        Severity = rule.Severity, PendingSince = since, TriggerCount = 1, FirstValue = 31, PeakValue = 31, LastValue = 31,
    };
}
