using DigitalTwin.Core.Alerts;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.Alerts;

/// <summary>Alerts:NotificationCulture: e-mail words and the webhook's <c>text</c> in Korean, field names and codes unchanged.</summary>
public sealed class NotificationTextTests
{
    [Fact]
    public void Subject_KoreanCriticalAndResolved_TagsInKoreanRestAsRecorded()
    {
        var active = Document(AlertTransition.BecameActive, NotificationText.Korean);
        var cleared = Document(AlertTransition.Cleared, NotificationText.Korean);

        Assert.Equal("[긴급] 보일러실 과열 — thermo-2: temperature 31.5", active.Text);
        Assert.Equal("[해제] 보일러실 과열 — thermo-2: temperature 31.5", cleared.Text);
        Assert.Equal("[CRITICAL] 보일러실 과열 — thermo-2: temperature 31.5", active.Subject);
    }

    [Fact]
    public void Lines_Korean_LabelsStateAndReminderInKorean()
    {
        var lines = NotificationText.Korean.Lines(Document(AlertTransition.Renotified, NotificationText.Korean)).ToDictionary(l => l.Label, l => l.Value);

        Assert.Equal("발생 (재알림: 아직 확인되지 않음)", lines["상태"]);
        Assert.Equal("긴급", lines["심각도"]);
        Assert.Equal("처음 31.5, 최고 31.5, 마지막 31.5", lines["값"]);
        Assert.StartsWith("https://twin.example.org/alerts/", lines["경보"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko-KR", "ko")]
    [InlineData("EN", "en")]
    [InlineData("ja", null)]
    public void For_CultureName_PicksTheOfferedLanguage(string name, string? expected) =>
        Assert.Equal(expected, NotificationText.For(name)?.Culture);

    [Fact]
    public void Validate_UnofferedCulture_NamesTheKey()
    {
        var result = new AlertOptionsValidator().Validate(null, new AlertOptions { NotificationCulture = "ja" });

        Assert.Contains("Alerts:NotificationCulture 'ja'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLanguage_NamesEverySeverityAndState()
    {
        foreach (var words in NotificationText.All)
        {
            Assert.All(Enum.GetValues<AlertSeverity>(), s => Assert.False(string.IsNullOrWhiteSpace(words.Severities[s])));
            Assert.All(Enum.GetValues<AlertState>(), s => Assert.False(string.IsNullOrWhiteSpace(words.States[s])));
        }
    }

    [Fact]
    public async Task Webhook_KoreanCulture_EnglishFieldsAndCodesWithKoreanText()
    {
        await using var server = await WebhookListener.StartAsync(failFirst: 0, failStatus: 500, retryAfterSeconds: null);
        using var channel = new WebhookChannel(Options.Create(new AlertOptions { Webhooks = [server.Url], NotificationCulture = "ko" }));

        Assert.True((await channel.SendAsync(Notification(AlertTransition.BecameActive), server.Url, CancellationToken.None)).Succeeded);

        var body = Assert.Single(server.Received).RootElement;
        Assert.Equal("Critical", body.GetProperty("severity").GetString());
        Assert.Equal("Active", body.GetProperty("state").GetString());
        Assert.Equal("ko", body.GetProperty("culture").GetString());
        Assert.Equal("[긴급] 보일러실 과열 — thermo-2: temperature 31.5", body.GetProperty("text").GetString());
        Assert.StartsWith("[CRITICAL]", body.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    private static AlertDocument Document(AlertTransition transition, NotificationText words) =>
        AlertDocument.From(Notification(transition), "https://twin.example.org", words);

    private static AlertNotification Notification(AlertTransition transition)
    {
        var rule = AlertHarness.Rule(1, r => r.Name = "보일러실 과열");
        var alert = new Alert
        {
            Id = 7, RuleId = 1, RuleName = rule.Name, DeviceId = "thermo-2", Metric = "temperature", Severity = AlertSeverity.Critical,
            State = AlertState.Active, FirstValue = 31.5, PeakValue = 31.5, LastValue = 31.5, PendingSince = AlertHarness.Start,
        };
        return new AlertNotification(transition, alert, rule, AlertHarness.Start, Silenced: false);
    }
}
