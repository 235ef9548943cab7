using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.Alerts;

public sealed class AlertOptionsTests
{
    [Fact]
    public void Validate_BadWebhookAndIncompleteEmail_NamesEachKey()
    {
        var options = new AlertOptions { Webhooks = ["https://ok.example.org/hook", "ftp://nope"], Email = new AlertEmailOptions { Enabled = true, From = "not an address" } };

        var result = new AlertOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Alerts:Webhooks:1 'ftp://nope'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alerts:Email:Host is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alerts:Email:From", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alerts:Email:To", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("Webhooks:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new AlertOptionsValidator().Validate(null, new AlertOptions()).Succeeded);

    [Fact]
    public void Backoff_Attempts_DoubleWithJitterUpToTheCap()
    {
        var options = new AlertOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(10) };

        var delays = Enumerable.Range(1, 6).Select(a => DeliveryBackoff.Delay(a, null, options)).ToList();

        Assert.InRange(delays[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.8));
        Assert.All(delays.Skip(4), d => Assert.Equal(TimeSpan.FromSeconds(10), d));
    }

    [Fact]
    public void Backoff_RetryAfter_WinsButIsCapped()
    {
        var options = new AlertOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromSeconds(30), DeliveryBackoff.Delay(1, TimeSpan.FromSeconds(30), options));
        Assert.Equal(TimeSpan.FromMinutes(1), DeliveryBackoff.Delay(1, TimeSpan.FromHours(1), options));
    }
}

[Collection(AppCollection.Name)]
public sealed class AlertStartupTests
{
    [Fact]
    public async Task Start_WebhookUrlInvalid_FailsWithTheKeyNamed()
    {
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Alerts:Webhooks:0"] = "not a url";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(app.StartAsync);

        Assert.Contains("Alerts:Webhooks:0 'not a url' is not an absolute http(s) URL.", error.Message);
    }
}
