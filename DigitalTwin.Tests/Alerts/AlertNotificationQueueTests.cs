using System.Net.Http.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Alerts;

/// <summary>
/// A webhook that keeps failing holds the only delivery slot in back-off, so the one-place notification queue
/// overflows: what does not fit is not sent, but it is written to each alert's delivery log as Dropped.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AlertNotificationQueueTests : IAsyncLifetime
{
    private const int Devices = 5;
    private readonly DigitalTwinAppFactory _app = new();
    private WebhookListener _webhook = null!;

    public async Task InitializeAsync()
    {
        _webhook = await WebhookListener.StartAsync(failFirst: int.MaxValue, failStatus: 503);
        _app.Settings["Alerts:Webhooks:0"] = _webhook.Url;
        _app.Settings["Alerts:RetryBaseDelay"] = "00:01:00";
        _app.Settings["Alerts:MaxConcurrentDeliveries"] = "1";
        _app.Settings["Alerts:NotificationQueueCapacity"] = "1";
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _webhook.DisposeAsync();
    }

    [Fact]
    public async Task QueueFull_NotificationLoggedAsDroppedOnItsAlert()
    {
        using var created = await _app.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Hot", kind = "Threshold", targetKind = "Kind", target = "thermometer", metric = "temperature",
            @operator = "GreaterThan", threshold = 30, severity = "Major",
        });
        created.EnsureSuccessStatusCode();

        for (var i = 0; i < Devices; i++)
        {
            using var posted = await _app.PostTelemetryAsync($"hot-{i}", JsonContent.Create(new { temperature = 35 }));
            posted.EnsureSuccessStatusCode();
        }

        var alerts = await Eventually.MatchAsync(OpenAlertIdsAsync, ids => ids.Count == Devices, what: "an alert per device");
        var deliveries = await Eventually.MatchAsync(
            async () => (await Task.WhenAll(alerts.Select(DeliveriesAsync))).SelectMany(d => d).ToList(),
            all => all.Any(d => d.Status == DeliveryStatus.Dropped),
            what: "a Dropped row in some alert's delivery log");

        var dropped = deliveries.Where(d => d.Status == DeliveryStatus.Dropped).ToList();
        Assert.All(dropped, d => Assert.Equal(NotificationChannel.Webhook, d.Channel));
        Assert.All(dropped, d => Assert.Contains("notification queue was full", d.Error, StringComparison.Ordinal));
        // One notification is in back-off, one waits for its slot, one fills the queue: the rest are dropped.
        Assert.InRange(dropped.Count, 1, Devices - 2);
    }

    private async Task<List<long>> OpenAlertIdsAsync()
    {
        var alerts = await _app.Http.GetFromJsonAsync<List<Alert>>("/api/alerts?state=Open", ApiJson.Options);
        return [.. alerts!.Select(a => a.Id)];
    }

    private async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(long id) =>
        (await _app.Http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{id}", ApiJson.Options))!.Deliveries;
}
