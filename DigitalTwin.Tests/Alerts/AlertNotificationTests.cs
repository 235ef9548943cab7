using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;
using MimeKit;
using netDumbster.smtp;

namespace DigitalTwin.Tests.Alerts;

/// <summary>
/// The whole path on real parts: an MQTT reading on the embedded broker crosses a rule's threshold, the alert is
/// stored in SQLite, a webhook reaches a local HTTP listener (after a 500 and a retry), an e-mail reaches a local
/// SMTP server.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AlertNotificationTests : IAsyncLifetime
{
    private readonly DigitalTwinAppFactory _app = new();
    private readonly int _smtpPort = FreePort.Tcp();
    private SimpleSmtpServer _smtp = null!;
    private WebhookListener _webhook = null!;

    public async Task InitializeAsync()
    {
        _smtp = SimpleSmtpServer.Start(_smtpPort);
        _webhook = await WebhookListener.StartAsync(failFirst: 1);
        _app.Settings["Alerts:PublicBaseUrl"] = "https://twin.example.org/";
        _app.Settings["Alerts:Webhooks:0"] = _webhook.Url;
        _app.Settings["Alerts:RetryBaseDelay"] = "00:00:00.200";
        _app.SendEmailTo(_smtpPort);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _webhook.DisposeAsync();
        _smtp.Dispose();
    }

    [Fact]
    public async Task MqttReadingCrossesThreshold_AlertStoredWebhookRetriedAndEmailSent()
    {
        using var created = await _app.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Server room hot", kind = "Threshold", targetKind = "Device", target = "room-9", metric = "temperature",
            @operator = "GreaterThan", threshold = 30, clearThreshold = 28, severity = "Critical",
        });
        created.EnsureSuccessStatusCode();
        await using var mqtt = await _app.ConnectDeviceAsync("room-9");

        await mqtt.PublishAsync("devices/room-9/telemetry", """{"temperature":24.0}""");
        await mqtt.PublishAsync("devices/room-9/telemetry", """{"temperature":31.5}""");

        var stored = await Eventually.MatchAsync(() => CountStoredAsync("room-9", "Active"), n => n == 1, what: "the active alert in SQLite");
        Assert.Equal(1, stored);

        await Eventually.TrueAsync(() => Task.FromResult(!_webhook.Received.IsEmpty), what: "the webhook after one refusal");
        Assert.Equal(2, _webhook.Requests);
        var hook = _webhook.Received.Single().RootElement;
        Assert.Equal("BecameActive", hook.GetProperty("transition").GetString());
        Assert.Equal("Critical", hook.GetProperty("severity").GetString());
        Assert.Equal("room-9", hook.GetProperty("device").GetProperty("id").GetString());
        Assert.Equal("Server room hot", hook.GetProperty("rule").GetProperty("name").GetString());
        Assert.Equal(31.5, hook.GetProperty("values").GetProperty("last").GetDouble());
        var alertId = hook.GetProperty("alertId").GetInt64();
        Assert.Equal($"https://twin.example.org/alerts/{alertId}", hook.GetProperty("links").GetProperty("alert").GetString());
        Assert.Equal("https://twin.example.org/devices/room-9", hook.GetProperty("links").GetProperty("device").GetString());

        await Eventually.TrueAsync(() => Task.FromResult(_smtp.ReceivedEmailCount > 0), what: "the e-mail at the SMTP server");
        var mail = await ReadMailAsync(_smtp.ReceivedEmail[0]);
        Assert.Equal("[CRITICAL] Server room hot — room-9: temperature 31.5", mail.Subject);
        Assert.Equal("control-room@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"https://twin.example.org/alerts/{alertId}", mail.TextBody);
        Assert.Contains("<table>", mail.HtmlBody);

        var details = await Eventually.MatchAsync(() => GetDetailsAsync(alertId), d => d.Deliveries.Count == 3, what: "3 delivery attempts logged");
        var webhook = details.Deliveries.Where(d => d.Channel == NotificationChannel.Webhook).OrderBy(d => d.Attempt).ToList();
        Assert.Equal([(1, DeliveryStatus.Failed, 500), (2, DeliveryStatus.Succeeded, 200)], webhook.Select(d => (d.Attempt, d.Status, d.HttpStatus ?? 0)));
        Assert.Equal(DeliveryStatus.Succeeded, details.Deliveries.Single(d => d.Channel == NotificationChannel.Email).Status);
        Assert.Equal([AlertTransition.BecameActive], details.History.Select(h => h.Transition));

        await mqtt.PublishAsync("devices/room-9/telemetry", """{"temperature":27.0}""");
        await Eventually.TrueAsync(async () => await CountStoredAsync("room-9", "Cleared") == 1, what: "the alert cleared in SQLite");
        await Eventually.TrueAsync(() => Task.FromResult(_smtp.ReceivedEmailCount == 2), what: "the resolved e-mail");
        // The capture server does not keep the order of arrival.
        var subjects = await Task.WhenAll(_smtp.ReceivedEmail.Select(async m => (await ReadMailAsync(m)).Subject));
        Assert.Contains(subjects, s => s!.StartsWith("[RESOLVED] Server room hot — room-9: temperature 27", StringComparison.Ordinal));
    }

    private static Task<MimeMessage> ReadMailAsync(SmtpMessage message) =>
        MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));

    private async Task<AlertDetails> GetDetailsAsync(long id) =>
        (await _app.Http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{id}", ApiJson.Options))!;

    private async Task<long> CountStoredAsync(string deviceId, string state)
    {
        await using var connection = await _app.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Alerts WHERE DeviceId = $d AND State = $s";
        command.Parameters.AddWithValue("$d", deviceId);
        command.Parameters.AddWithValue("$s", state);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
