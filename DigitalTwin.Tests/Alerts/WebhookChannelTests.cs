using DigitalTwin.Core.Alerts;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.Alerts;

/// <summary>The webhook channel against a real local HTTP server: what it reports for refusals.</summary>
public sealed class WebhookChannelTests
{
    [Theory]
    [InlineData(429, 7, true)]
    [InlineData(503, null, true)]
    [InlineData(400, null, false)]
    public async Task Send_ServerRefuses_OutcomeCarriesStatusRetryAfterAndWhetherToRetry(int status, int? retryAfter, bool retryable)
    {
        await using var server = await WebhookListener.StartAsync(failFirst: 1, failStatus: status, retryAfterSeconds: retryAfter);
        using var channel = new WebhookChannel(Options.Create(new AlertOptions { Webhooks = [server.Url] }));
        var rule = AlertHarness.Rule(1, _ => { });
        var alert = new Alert { Id = 5, RuleId = 1, RuleName = rule.Name, DeviceId = "dev-1", Metric = "temperature", State = AlertState.Active, LastValue = 31 };
        var notification = new AlertNotification(AlertTransition.BecameActive, alert, rule, AlertHarness.Start, Silenced: false);

        var refused = await channel.SendAsync(notification, server.Url, CancellationToken.None);
        var accepted = await channel.SendAsync(notification, server.Url, CancellationToken.None);

        Assert.Equal((false, status, retryable), (refused.Succeeded, refused.HttpStatus, refused.Retryable));
        Assert.Equal(retryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null, refused.RetryAfter);
        Assert.True(accepted.Succeeded);
        var body = Assert.Single(server.Received).RootElement;
        Assert.Equal(5, body.GetProperty("alertId").GetInt64());
        Assert.Equal("http://localhost:5000/alerts/5", body.GetProperty("links").GetProperty("alert").GetString());
    }
}
