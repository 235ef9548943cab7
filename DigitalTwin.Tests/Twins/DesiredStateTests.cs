using System.Net;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Tests.Audit;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace DigitalTwin.Tests.Twins;

/// <summary>Desired and reported documents over the real API and the real embedded broker (issue 12).</summary>
[Collection(AppCollection.Name)]
public sealed class DesiredStateTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private DigitalTwinAppFactory App => fixture.App;

    [Fact]
    public async Task PatchDesired_ConnectedAndLaterDevice_BothGetRetainedDocument()
    {
        await using var early = await App.ConnectDeviceAsync("ds-thermo");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, await early.SubscribeAsync("devices/ds-thermo/desired"));

        var patched = await App.Http.PatchDesiredOkAsync("ds-thermo", """{"setpoint":21.5,"mode":{"fan":"auto","eco":true}}""");
        Assert.Equal(1, patched.Versions.Desired);
        var live = await early.DesiredAsync("ds-thermo", 1);
        Assert.Equal("""{"$version":1,"setpoint":21.5,"mode":{"fan":"auto","eco":true}}""", live.Payload);

        patched = await App.Http.PatchDesiredOkAsync("ds-thermo", """{"mode":{"eco":null},"setpoint":22}""");
        Assert.Equal("""{"setpoint":22,"mode":{"fan":"auto"}}""", DesiredStateHarness.Compact(patched.Desired));
        await early.DesiredAsync("ds-thermo", 2);

        // A device that connects after the change gets the newest document from the broker, retained.
        await using var later = await App.ConnectDeviceAsync("ds-thermo");
        await later.SubscribeAsync("devices/ds-thermo/desired");
        var retained = await later.DesiredAsync("ds-thermo", 2);
        Assert.True(retained.Retain);
        Assert.Equal("""{"$version":2,"setpoint":22,"mode":{"fan":"auto"}}""", retained.Payload);
        Assert.Single(later.Received);

        var audit = await App.Http.AuditOfAsync("device", "ds-thermo");
        Assert.Equal(2, audit.Count(e => e.Action == "twin.desired-update"));
    }

    [Fact]
    public async Task Reported_OverMqtt_DeltaShrinksUntilInSync()
    {
        await using var device = await App.ConnectDeviceAsync("ds-report");
        var desired = await App.Http.PatchDesiredOkAsync("ds-report", """{"setpoint":20,"interval":30}""");
        Assert.True(desired.Pending);
        Assert.Equal("""{"setpoint":20,"interval":30}""", DesiredStateHarness.Compact(desired.Delta));

        await device.PublishAsync("devices/ds-report/reported", """{"setpoint":20,"interval":10,"firmware":"1.2"}""");
        var (twin, etag) = await App.Http.GetDocumentsAsync("ds-report");
        Assert.Equal("\"1\"", etag);
        Assert.Equal((1L, 1L), (twin.Versions.Desired, twin.Versions.Reported));
        Assert.Equal("""{"interval":30}""", DesiredStateHarness.Compact(twin.Delta));

        await device.PublishAsync("devices/ds-report/reported", """{"interval":30}""");
        (twin, _) = await App.Http.GetDocumentsAsync("ds-report");
        Assert.False(twin.Pending);
        Assert.Equal(2, twin.Versions.Reported);
        Assert.Equal("""{"setpoint":20,"interval":30,"firmware":"1.2"}""", DesiredStateHarness.Compact(twin.Reported));
    }

    [Fact]
    public async Task Reported_Malformed_RefusedCountedNotTelemetry()
    {
        await using var device = await App.ConnectDeviceAsync("ds-bad");
        var counters = App.Services.GetRequiredService<TwinPropertyCounters>();
        var ingest = App.Services.GetRequiredService<IngestCounters>();
        var (notJson, notObject, rejectedTelemetry) = (counters.Refusals(TwinPatchRefusal.NotJson), counters.Refusals(TwinPatchRefusal.NotAnObject), ingest.Snapshot().TotalRejected);

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await device.TryPublishAsync("devices/ds-bad/reported", "{not json"));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await device.TryPublishAsync("devices/ds-bad/reported", "[1,2]"));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await device.TryPublishAsync("devices/ds-bad/reported", """{"$version":3}"""));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await device.TryPublishAsync("devices/ds-bad/reported", new string('x', TwinPatch.MaxBytes + 1)));

        Assert.Equal(notJson + 1, counters.Refusals(TwinPatchRefusal.NotJson));
        Assert.Equal(notObject + 1, counters.Refusals(TwinPatchRefusal.NotAnObject));
        Assert.Equal(rejectedTelemetry, ingest.Snapshot().TotalRejected);
        Assert.True(device.IsConnected);
        // Still working: a good report after the bad ones is taken.
        await device.PublishAsync("devices/ds-bad/reported", """{"ok":true}""");
        Assert.Equal(1, (await App.Http.GetDocumentsAsync("ds-bad")).Twin.Versions.Reported);
    }

    [Fact]
    public async Task DevicePublish_ToDesiredOrAnotherDevicesReported_Refused()
    {
        await App.EnsureDeviceAsync("ds-other");
        await using var device = await App.ConnectDeviceAsync("ds-rogue");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await device.TryPublishAsync("devices/ds-rogue/desired", """{"setpoint":99}"""));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await device.TryPublishAsync("devices/ds-other/reported", """{"setpoint":99}"""));
        Assert.Equal(0, (await App.Http.GetDocumentsAsync("ds-other")).Twin.Versions.Reported);
    }

    [Fact]
    public async Task PatchDesired_StaleIfMatch_412AndDocumentUnchanged()
    {
        await App.EnsureDeviceAsync("ds-race");
        var (_, etag) = await App.Http.GetDocumentsAsync("ds-race");
        Assert.Equal("\"0\"", etag);
        // Two operators read version 0; the first change wins.
        await App.Http.PatchDesiredOkAsync("ds-race", """{"setpoint":19}""", etag);

        using var late = await App.Http.PatchDesiredAsync("ds-race", """{"setpoint":25}""", etag);
        var problem = await ApiJson.AssertProblemAsync(late, 412);
        Assert.Contains("at version 1, not 0", problem.Detail, StringComparison.Ordinal);
        var (twin, now) = await App.Http.GetDocumentsAsync("ds-race");
        Assert.Equal(("\"1\"", """{"setpoint":19}"""), (now, DesiredStateHarness.Compact(twin.Desired)));

        // Retried with the fresh ETag it goes through; without If-Match it applies to the current version.
        Assert.Equal(2, (await App.Http.PatchDesiredOkAsync("ds-race", """{"setpoint":25}""", now)).Versions.Desired);
        Assert.Equal(3, (await App.Http.PatchDesiredOkAsync("ds-race", """{"eco":true}""")).Versions.Desired);
    }

    [Fact]
    public async Task PatchDesired_ConcurrentSameIfMatch_ExactlyOneWins()
    {
        await App.EnsureDeviceAsync("ds-burst");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => App.Http.PatchDesiredAsync("ds-burst", $$"""{"setpoint":{{i}}}""", "\"0\"")));
        try
        {
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        // Without If-Match none is lost: each merge lands on the one committed before it.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await App.Http.PatchDesiredAsync("ds-burst", $$"""{"k{{i}}":{{i}}}""");
            response.EnsureSuccessStatusCode();
        }));
        var (twin, _) = await App.Http.GetDocumentsAsync("ds-burst");
        Assert.Equal((9L, 9), (twin.Versions.Desired, twin.Desired.Count));
    }

    [Fact]
    public async Task PatchDesired_BadRequests_PreciseProblems()
    {
        await App.EnsureDeviceAsync("ds-problems");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", "{oops"), 400, "not valid JSON");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", "[1]"), 400, "must be a JSON object (a merge patch), not an array");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", """{"$version":1}"""), 400, "Key '$version' is reserved");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", """{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}}"""), 400, "9 deep; at most 8");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", $$"""{"big":"{{new string('x', 9000)}}"}"""), 413, "at most 8,192");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", """{"a":1}""", "W/\"0\""), 400, "If-Match must be one ETag");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", """{"a":1}""", contentType: "text/plain"), 415, "application/merge-patch+json");
        await Expect(App.Http.PatchDesiredAsync("ds-nobody", """{"a":1}"""), 404, "No device 'ds-nobody' is registered");
        // A document that grows past the limit patch by patch is refused too.
        await App.Http.PatchDesiredOkAsync("ds-problems", $$"""{"a":"{{new string('x', 5000)}}"}""");
        await Expect(App.Http.PatchDesiredAsync("ds-problems", $$"""{"b":"{{new string('y', 5000)}}"}"""), 400, "The desired document would be");
        Assert.Equal(1, (await App.Http.GetDocumentsAsync("ds-problems")).Twin.Versions.Desired);
        // application/json is accepted as well.
        using var json = await App.Http.PatchDesiredAsync("ds-problems", """{"a":null}""", contentType: "application/json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    [Fact]
    public async Task DeleteDevice_RemovesDocumentsAndRetainedDesired()
    {
        await App.EnsureDeviceAsync("ds-gone");
        await App.Http.PatchDesiredOkAsync("ds-gone", """{"setpoint":18}""");
        using (var deleted = await App.Http.DeleteAsync("/api/devices/ds-gone"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        await using var connection = await App.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM TwinProperties WHERE DeviceId = 'ds-gone'";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);

        // Re-created with the same id: it starts empty, and the broker no longer holds the old desired document.
        await App.CreateDeviceAsync("ds-gone");
        Assert.Equal(0, (await App.Http.GetDocumentsAsync("ds-gone")).Twin.Versions.Desired);
        await using var device = await App.ConnectDeviceAsync("ds-gone");
        await device.SubscribeAsync("devices/ds-gone/desired");
        await Task.Delay(500);
        Assert.Empty(device.Received);
    }

    private static async Task Expect(Task<HttpResponseMessage> send, int status, string detail)
    {
        using var response = await send;
        var problem = await ApiJson.AssertProblemAsync(response, status);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }
}
