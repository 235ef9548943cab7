using System.Net.Http.Json;
using DigitalTwin.Tests.Infrastructure;
using MimeKit;
using netDumbster.smtp;

namespace DigitalTwin.Tests.Alerts;

/// <summary>Alerts:NotificationCulture ko: the e-mail of an alert the engine cleared says why in Korean, over real SMTP.</summary>
[Collection(AppCollection.Name)]
public sealed class KoreanEmailTests : IAsyncLifetime
{
    private readonly DigitalTwinAppFactory _app = new();
    private readonly int _smtpPort = FreePort.Tcp();
    private SimpleSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _smtp = SimpleSmtpServer.Start(_smtpPort);
        _app.Settings["Alerts:NotificationCulture"] = "ko";
        _app.SendEmailTo(_smtpPort);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
    }

    [Fact]
    public async Task RuleDisabled_ClearedEmail_ReasonInKorean()
    {
        var rule = new
        {
            name = "보일러실 과열", kind = "Threshold", targetKind = "Device", target = "boiler-1", metric = "temperature",
            @operator = "GreaterThan", threshold = 30, severity = "Critical", enabled = true,
        };
        using var created = await _app.Http.PostAsJsonAsync("/api/alert-rules", rule);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        await using var mqtt = await _app.ConnectDeviceAsync("boiler-1");
        await mqtt.PublishAsync("devices/boiler-1/telemetry", """{"temperature":31.5}""");
        await Eventually.TrueAsync(() => Task.FromResult(_smtp.ReceivedEmailCount == 1), what: "the alert's e-mail");

        using var disabled = await _app.Http.PutAsJsonAsync($"/api/alert-rules/{id}", rule with { enabled = false });
        disabled.EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => Task.FromResult(_smtp.ReceivedEmailCount == 2), what: "the cleared e-mail");
        var bodies = await Task.WhenAll(_smtp.ReceivedEmail.Select(async m =>
            (await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).TextBody));
        var cleared = Assert.Single(bodies, b => b?.Contains("해제:", StringComparison.Ordinal) == true)!;
        Assert.Contains("(규칙 비활성화)", cleared, StringComparison.Ordinal);
        Assert.DoesNotContain("Rule disabled", cleared, StringComparison.Ordinal);
    }
}
