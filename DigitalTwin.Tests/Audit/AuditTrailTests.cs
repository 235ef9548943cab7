using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Power;

namespace DigitalTwin.Tests.Audit;

/// <summary>Every kind of change writes its audit row: the right actor (user or token), address, entity and summary.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditTrailTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string AdminByToken = "admin (token tests)";
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task DeviceChanges_CreateEditRotateRevokeDelete_EachRecordedWithTokenActorAddressAndSummary()
    {
        using var created = await _app.Http.PostAsJsonAsync("/api/devices", new { id = "audit-dev-1", name = "Hall", kind = "thermometer", tags = new[] { "a" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("secret").GetString()!;
        (await _app.Http.PutAsJsonAsync("/api/devices/audit-dev-1", new { name = "Hall B", kind = "thermometer", tags = new[] { "a" } })).EnsureSuccessStatusCode();
        (await _app.Http.PostAsync("/api/devices/audit-dev-1/secret", null)).EnsureSuccessStatusCode();
        (await _app.Http.PostAsync("/api/devices/audit-dev-1/revoke", null)).EnsureSuccessStatusCode();
        (await _app.Http.PostAsync("/api/devices/audit-dev-1/revoke", null)).EnsureSuccessStatusCode(); // changes nothing: no row
        (await _app.Http.DeleteAsync("/api/devices/audit-dev-1")).EnsureSuccessStatusCode();

        var entries = await _app.Http.AuditOfAsync("device", "audit-dev-1");

        Assert.Equal(["device.delete", "device.revoke", "device.rotate-secret", "device.update", "device.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((AdminByToken, ActorKind.Token, "127.0.0.1"), (e.Actor, e.ActorKind, e.Address)));
        Assert.All(entries, e => Assert.NotNull(e.UserId));
        Assert.Equal("name: Hall → Hall B", entries[3].Summary);
        Assert.Contains("name=Hall, kind=thermometer, tags=a", entries[4].Summary);
        Assert.Contains("name=Hall B", entries[0].Summary);
        Assert.All(entries, e => Assert.DoesNotContain(secret, e.Summary));
    }

    [Fact]
    public async Task AlertChanges_RuleEditsAndAcknowledgeClearByAnOperatorToken_RecordedAsThatUser()
    {
        using var operatorHttp = await _app.ClientForNewUserAsync("audit-operator", Roles.Operator);
        using var created = await operatorHttp.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Audit hot", kind = "Threshold", targetKind = "Device", target = "audit-alert-dev", metric = "temperature", @operator = "GreaterThan", threshold = 30,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = (await created.Content.ReadFromJsonAsync<AlertRule>(ApiJson.Options))!;
        (await operatorHttp.PutAsJsonAsync($"/api/alert-rules/{rule.Id}", new
        {
            name = "Audit hot", kind = "Threshold", targetKind = "Device", target = "audit-alert-dev", metric = "temperature", @operator = "GreaterThan", threshold = 32,
        })).EnsureSuccessStatusCode();
        (await _app.PostTelemetryAsync("audit-alert-dev", JsonContent.Create(new { temperature = 35 }))).EnsureSuccessStatusCode();
        var alert = (await Eventually.MatchAsync(
            () => _app.Http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=audit-alert-dev&state=Active", ApiJson.Options), a => a!.Count == 1, what: "the alert"))!.Single();

        // An old client's "by" is ignored: the token's user is who did it.
        (await operatorHttp.PostAsJsonAsync($"/api/alerts/{alert.Id}/ack", new { by = "somebody else", comment = "on it" })).EnsureSuccessStatusCode();
        using var cleared = await operatorHttp.PostAsJsonAsync($"/api/alerts/{alert.Id}/clear", new { reason = "valve fixed" });
        cleared.EnsureSuccessStatusCode();
        (await operatorHttp.DeleteAsync($"/api/alert-rules/{rule.Id}")).EnsureSuccessStatusCode();

        var done = (await cleared.Content.ReadFromJsonAsync<Alert>(ApiJson.Options))!;
        Assert.Equal(("audit-operator (token tests)", "audit-operator (token tests)"), (done.AcknowledgedBy, done.ClearedBy));
        var ruleEntries = await _app.Http.AuditOfAsync("alert-rule", rule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["alert-rule.delete", "alert-rule.update", "alert-rule.create"], ruleEntries.Select(e => e.Action));
        Assert.Equal("condition: temperature > 30 → temperature > 32", ruleEntries[1].Summary);
        var alertEntries = await _app.Http.AuditOfAsync("alert", alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["alert.clear", "alert.acknowledge"], alertEntries.Select(e => e.Action));
        Assert.Contains("on it", alertEntries[1].Summary);
        Assert.Contains("valve fixed", alertEntries[0].Summary);
        Assert.All(ruleEntries.Concat(alertEntries), e => Assert.Equal(("audit-operator (token tests)", ActorKind.Token), (e.Actor, e.ActorKind)));
    }

    [Fact]
    public async Task SilenceAndUnsilence_Recorded()
    {
        using var created = await _app.Http.PostAsJsonAsync("/api/silences", new { deviceId = "audit-silenced", @for = "01:00:00", reason = "maintenance" });
        var silence = (await created.Content.ReadFromJsonAsync<AlertSilence>(ApiJson.Options))!;
        (await _app.Http.DeleteAsync($"/api/silences/{silence.Id}")).EnsureSuccessStatusCode();

        var entries = await _app.Http.AuditOfAsync("silence", silence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["alert.unsilence", "alert.silence"], entries.Select(e => e.Action));
        Assert.Contains("device=audit-silenced", entries[1].Summary);
        Assert.Equal(AdminByToken, silence.By);
    }

    [Fact]
    public async Task PowerImport_Committed_RecordedWithFileAndCounts()
    {
        var file = new ByteArrayContent(PowerSamples.Bytes("openapi_records.csv"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var upload = await _app.Http.PostAsync("/api/power/imports", new MultipartFormDataContent { { file, "file", "audit-import.csv" } });
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("importId").GetInt32();

        var entry = Assert.Single(await _app.Http.AuditOfAsync("power-import", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(("power.import", AdminByToken), (entry.Action, entry.Actor));
        Assert.StartsWith("audit-import.csv (", entry.Summary);
        Assert.Contains("new", entry.Summary);
    }

    [Fact]
    public async Task Filters_UserActionEntityTimeAndPaging_NewestFirstWithTotal()
    {
        using var other = await _app.ClientForNewUserAsync("audit-filter-user", Roles.Operator);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 3; i++)
        {
            using var created = await other.PostAsJsonAsync("/api/devices", new { id = $"audit-filter-{i}", kind = "meter" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var byUser = await _app.Http.AuditAsync("user=audit-filter-user&action=device");
        var firstPage = await _app.Http.AuditAsync("user=audit-filter-user&action=device.create&limit=2");
        var secondPage = await _app.Http.AuditAsync("user=audit-filter-user&action=device.create&limit=2&offset=2");
        var inRange = await _app.Http.AuditAsync($"user=audit-filter-user&from={Uri.EscapeDataString(before.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}");
        var beforeRange = await _app.Http.AuditAsync($"user=audit-filter-user&to={Uri.EscapeDataString(before.ToString("O"))}");
        var oneEntity = await _app.Http.AuditAsync("entity=device&entityId=audit-filter-1");

        Assert.Equal(["audit-filter-2", "audit-filter-1", "audit-filter-0"], byUser.Items.Select(e => e.EntityId));
        Assert.Equal((3, 2), (firstPage.Total, firstPage.Items.Count));
        Assert.Equal(["audit-filter-2", "audit-filter-1"], firstPage.Items.Select(e => e.EntityId));
        Assert.Equal(["audit-filter-0"], secondPage.Items.Select(e => e.EntityId));
        Assert.Equal(3, inRange.Total);
        Assert.Equal(0, beforeRange.Total);
        Assert.Equal("audit-filter-user (token tests)", Assert.Single(oneEntity.Items).Actor);
        // "admin" finds the admin's own sign-in and the token it acts with.
        var admin = await _app.Http.AuditAsync("user=admin&limit=500");
        Assert.Contains(admin.Items, e => e.Actor == AdminByToken);
        Assert.All(admin.Items, e => Assert.True(e.Actor == "admin" || e.Actor.StartsWith("admin (token ", StringComparison.Ordinal), e.Actor));
    }

    [Fact]
    public async Task BadParameters_ValidationProblemNamingEachField()
    {
        using var response = await _app.Http.GetAsync("/api/audit?limit=501&offset=-1&from=yesterday&to=2026-13-01&user=a%00b");

        var problem = await AuditLogReader.ValidationProblemAsync(response);
        Assert.Equal(["from", "limit", "offset", "to", "user"], problem.Errors.Keys.Order());
        using var export = await _app.Http.GetAsync("/api/audit/export?from=nope");
        Assert.Equal(["from"], (await AuditLogReader.ValidationProblemAsync(export)).Errors.Keys);
        using var fromAfterTo = await _app.Http.GetAsync("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        Assert.Equal(["to"], (await AuditLogReader.ValidationProblemAsync(fromAfterTo)).Errors.Keys);
    }

    [Fact]
    public async Task NonAdmin_Forbidden_AnonymousUnauthorized()
    {
        using var viewer = await _app.ClientForNewUserAsync("audit-viewer", Roles.Viewer, Roles.Operator, Roles.Analyst);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/audit/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.AnonymousHttp.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Export_SameFilter_CsvWithFormulaLeadingCellsEscaped()
    {
        // '-' is allowed in user names, and a cell starting with it is a formula to a spreadsheet.
        using var sneaky = await _app.ClientForNewUserAsync("-audit-csv", Roles.Operator);
        using var created = await sneaky.PostAsJsonAsync("/api/devices", new { id = "audit-csv-1", kind = "meter", name = "a, \"quoted\" name" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await _app.Http.GetAsync("/api/audit/export?user=-audit-csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("at,actor,actorKind,address,action,entityType,entityId,summary", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",'-audit-csv (token tests),Token,127.0.0.1,device.create,device,audit-csv-1,", row);
        Assert.EndsWith("\"name=a, \"\"quoted\"\" name, kind=meter\"", row);
    }
}
