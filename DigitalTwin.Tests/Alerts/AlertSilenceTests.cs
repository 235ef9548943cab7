using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Alerts;

/// <summary>Silences live in one table; a rule's "silenced until" is computed from the silences in force when it is read.</summary>
public sealed class AlertSilenceTests : IAsyncLifetime
{
    private AlertHost _host = null!;

    private AlertRuleService Rules => _host.Services.GetRequiredService<AlertRuleService>();

    private AlertSilenceService Silences => _host.Services.GetRequiredService<AlertSilenceService>();

    public async Task InitializeAsync() => _host = await AlertHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SilencedUntil_RuleWideSilencesAddedAndRemoved_ReadAsTheLatestInForce()
    {
        var rule = (await Rules.CreateRuleAsync(new AlertRuleDraft
        {
            Name = "Too hot", Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Device, Target = "quiet-1",
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30,
        }, Actor.System)).Rule!;
        Assert.Null((await Rules.GetRuleAsync(rule.Id))!.SilencedUntil);

        var hour = (await Silences.SilenceAsync(new SilenceDraft { RuleId = rule.Id, For = TimeSpan.FromHours(1) }, Actor.System)).Silence!;
        var day = (await Silences.SilenceAsync(new SilenceDraft { RuleId = rule.Id, For = TimeSpan.FromDays(1) }, Actor.System)).Silence!;
        // A device-only silence of the rule's device does not silence the rule itself.
        await Silences.SilenceAsync(new SilenceDraft { DeviceId = "quiet-1", For = TimeSpan.FromDays(2) }, Actor.System);

        Assert.Equal(day.Until, (await Rules.GetRuleAsync(rule.Id))!.SilencedUntil);
        Assert.True(await Silences.UnsilenceAsync(day.Id, Actor.System));
        Assert.Equal(hour.Until, Assert.Single(await Rules.ListRulesAsync(), r => r.Id == rule.Id).SilencedUntil);
        Assert.True(await Silences.UnsilenceAsync(hour.Id, Actor.System));
        Assert.Null((await Rules.GetRuleAsync(rule.Id))!.SilencedUntil);
    }
}
