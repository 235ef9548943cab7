using System.Net;
using System.Net.Http.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Audit;

/// <summary>
/// A change and its audit row commit together or not at all, proven with real failures: a SQLite trigger makes the
/// audit insert (or the change itself) fail inside the app's own database.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditAtomicityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task CreateDevice_AuditInsertFails_NoDeviceAndNoRow()
    {
        await using (await _app.BreakAsync("AuditLog"))
        {
            using var refused = await _app.Http.PostAsJsonAsync("/api/devices", new { id = "atomic-create", kind = "meter" });
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync("/api/devices/atomic-create/registration")).StatusCode);
        Assert.Empty(await _app.Http.AuditOfAsync("device", "atomic-create"));
        // With the audit log working again the same request succeeds: the trigger was the only obstacle.
        using var created = await _app.Http.PostAsJsonAsync("/api/devices", new { id = "atomic-create", kind = "meter" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Single(await _app.Http.AuditOfAsync("device", "atomic-create"));
    }

    [Fact]
    public async Task DeleteDevice_AuditInsertFails_DeviceHistoryAndCredentialsStay()
    {
        await _app.CreateDeviceAsync("atomic-delete");
        (await _app.PostTelemetryAsync("atomic-delete", JsonContent.Create(new { temperature = 20 }))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("atomic-delete") == 1, what: "the sample stored");

        await using (await _app.BreakAsync("AuditLog"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await _app.Http.DeleteAsync("/api/devices/atomic-delete")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await _app.Http.GetAsync("/api/devices/atomic-delete/registration")).StatusCode);
        Assert.Equal(1, await _app.CountSamplesAsync("atomic-delete"));
        Assert.DoesNotContain(await _app.Http.AuditOfAsync("device", "atomic-delete"), e => e.Action == "device.delete");
        // The device was refused while its deletion ran; it is let back in once the deletion failed.
        (await _app.PostTelemetryAsync("atomic-delete", JsonContent.Create(new { temperature = 21 }))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task DeleteDevice_DeleteFails_NoAuditRow()
    {
        await _app.CreateDeviceAsync("atomic-undeletable");

        await using (await _app.BreakAsync("Devices", "DELETE"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await _app.Http.DeleteAsync("/api/devices/atomic-undeletable")).StatusCode);
        }

        Assert.Equal(["device.create"], (await _app.Http.AuditOfAsync("device", "atomic-undeletable")).Select(e => e.Action));
        Assert.Equal(HttpStatusCode.OK, (await _app.Http.GetAsync("/api/devices/atomic-undeletable/registration")).StatusCode);
    }

    [Fact]
    public async Task CreateDeviceAndRule_ChangeFails_NoAuditRow()
    {
        await using (await _app.BreakAsync("Devices"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await _app.Http.PostAsJsonAsync("/api/devices", new { id = "atomic-never", kind = "meter" })).StatusCode);
        }
        var rulesBefore = await _app.ScalarAsync("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'alert-rule'");
        await using (await _app.BreakAsync("AlertRules"))
        {
            using var refused = await _app.Http.PostAsJsonAsync("/api/alert-rules", new
            {
                name = "Never", kind = "Threshold", targetKind = "Device", target = "atomic-never", metric = "temperature", @operator = "GreaterThan", threshold = 1,
            });
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        Assert.Empty(await _app.Http.AuditOfAsync("device", "atomic-never"));
        Assert.Equal(rulesBefore, await _app.ScalarAsync("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'alert-rule'"));
        Assert.DoesNotContain((await _app.Http.GetFromJsonAsync<List<AlertRule>>("/api/alert-rules", ApiJson.Options))!, r => r.Name == "Never");
    }

    [Fact]
    public async Task AcknowledgeOpenAlert_AuditInsertFails_RefusedAndNeitherStoredUntilBothAre()
    {
        (await _app.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Atomic hot", kind = "Threshold", targetKind = "Device", target = "atomic-alert", metric = "temperature", @operator = "GreaterThan", threshold = 30,
        })).EnsureSuccessStatusCode();
        (await _app.PostTelemetryAsync("atomic-alert", JsonContent.Create(new { temperature = 35 }))).EnsureSuccessStatusCode();
        var alert = (await Eventually.MatchAsync(
            () => _app.Http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=atomic-alert&state=Active", ApiJson.Options), a => a!.Count == 1, what: "the alert"))!.Single();
        await Eventually.TrueAsync(async () => await _app.ScalarAsync($"SELECT COUNT(*) FROM Alerts WHERE Id = {alert.Id}") == 1, what: "the alert stored");
        var acknowledgedInDatabase = $"SELECT COUNT(*) FROM Alerts WHERE Id = {alert.Id} AND Acknowledged = 1";
        var auditRows = $"SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'alert' AND EntityId = '{alert.Id}'";

        await using (await _app.BreakAsync("AuditLog"))
        {
            using var refused = await _app.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/ack", new { comment = "on it" });
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1)); // the writer retries meanwhile, and fails again
            Assert.Equal((0L, 0L), (await _app.ScalarAsync(acknowledgedInDatabase), await _app.ScalarAsync(auditRows)));
            Assert.Equal(0, await _app.ScalarAsync($"SELECT COUNT(*) FROM AlertHistory WHERE AlertId = {alert.Id} AND Transition = 'Acknowledged'"));
        }

        // The writer keeps the write and its audit row together and retries them: once the log works, both land.
        await Eventually.TrueAsync(async () => await _app.ScalarAsync(acknowledgedInDatabase) == 1, what: "the acknowledgement written", timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(1, await _app.ScalarAsync(auditRows));
    }

    [Fact]
    public async Task AcknowledgeClearedAlert_AuditInsertFails_NothingChanged()
    {
        (await _app.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Atomic cleared", kind = "Threshold", targetKind = "Device", target = "atomic-cleared", metric = "temperature", @operator = "GreaterThan", threshold = 30,
        })).EnsureSuccessStatusCode();
        (await _app.PostTelemetryAsync("atomic-cleared", JsonContent.Create(new { temperature = 35 }))).EnsureSuccessStatusCode();
        var alert = (await Eventually.MatchAsync(
            () => _app.Http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=atomic-cleared&state=Active", ApiJson.Options), a => a!.Count == 1, what: "the alert"))!.Single();
        (await _app.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/clear", new { reason = "done" })).EnsureSuccessStatusCode();

        await using (await _app.BreakAsync("AuditLog"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await _app.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/ack", new { comment = "late" })).StatusCode);
        }

        Assert.Equal(0, await _app.ScalarAsync($"SELECT COUNT(*) FROM Alerts WHERE Id = {alert.Id} AND Acknowledged = 1"));
        Assert.Equal(["alert.clear"], (await _app.Http.AuditOfAsync("alert", alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(e => e.Action));
    }
}
