using System.Net;
using DigitalTwin.Tests.Audit;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Core.Accounts;
using MQTTnet;

namespace DigitalTwin.Tests.Twins.Commands;

/// <summary>Commands over the real API, the real embedded broker (MQTT 5 request/response) and SQLite (issue 12).</summary>
[Collection(AppCollection.Name)]
public sealed class CommandTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private DigitalTwinAppFactory App => fixture.App;

    [Fact]
    public async Task SendCommand_DeviceAnswers_200WithAnswerLoggedAndAudited()
    {
        await using var device = await CommandDevice.ConnectAsync(App, "cmd-ok");

        var command = await App.Http.SendCommandOkAsync("cmd-ok", "reboot", """{"delay":5}""");

        Assert.Equal(("reboot", "succeeded"), (command.Name, command.Status));
        Assert.Equal("""{"delay":5}""", command.Payload!.ToJsonString());
        Assert.Equal("""{"status":"succeeded","echo":{"delay":5}}""", command.Response!.ToJsonString());
        Assert.NotNull(command.CompletedAt);
        var request = Assert.Single(device.Requests);
        Assert.Equal(("devices/cmd-ok/commands/reboot", "devices/cmd-ok/commands/reboot/response"), (request.Topic, request.ResponseTopic));
        Assert.Equal(32, request.CorrelationData.Length);
        Assert.Equal(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, request.QualityOfServiceLevel);

        // The device's PUBACK is recorded too (it may come after the answer).
        var logged = await Eventually.MatchAsync(async () => Assert.Single(await App.Http.CommandLogAsync("cmd-ok")),
            c => c.DeliveredAt is not null, what: "the PUBACK of cmd-ok's command");
        Assert.Equal((command.Id, "succeeded", DigitalTwinAppFactory.AdminUserName), (logged!.Id, logged.Status, logged.RequestedBy));
        var audit = await App.Http.AuditOfAsync("device", "cmd-ok");
        Assert.Contains(audit, e => e.Action == "twin.command" && e.Summary!.StartsWith("reboot: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendCommand_DeviceSaysFailed_200StatusFailed()
    {
        await using var device = await CommandDevice.ConnectAsync(App, "cmd-fail");
        device.Answer = _ => ("""{"error":"busy"}""", "failed");
        Assert.Equal("failed", (await App.Http.SendCommandOkAsync("cmd-fail", "reboot", "{}")).Status);

        device.Answer = _ => ("""{"status":"failed","error":"no such valve"}""", null);
        var failed = await App.Http.SendCommandOkAsync("cmd-fail", "open-valve", """{"valve":9}""");
        Assert.Equal(("failed", "no such valve"), (failed.Status, failed.Response!["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendCommand_NoAnswer_504AndLoggedTimedOut()
    {
        await using var device = await CommandDevice.ConnectAsync(App, "cmd-silent");
        device.Answer = _ => null;

        using var response = await App.Http.SendCommandAsync("cmd-silent", "reboot", "{}", "?timeout=1");
        var problem = await ApiJson.AssertProblemAsync(response, 504);
        Assert.Contains("did not answer command 'reboot' within 1 s", problem.Detail, StringComparison.Ordinal);

        var logged = Assert.Single(await App.Http.CommandLogAsync("cmd-silent"));
        Assert.Equal("timedOut", logged.Status);
        Assert.NotNull(logged.DeliveredAt);
        Assert.Single(device.Requests);
    }

    [Fact]
    public async Task SendCommand_DeviceOffline_QueueFalse409_OtherwiseSentAndTimedOut()
    {
        await App.EnsureDeviceAsync("cmd-offline");

        using (var refused = await App.Http.SendCommandAsync("cmd-offline", "reboot", "{}", "?queue=false"))
        {
            var problem = await ApiJson.AssertProblemAsync(refused, 409);
            Assert.Contains("not connected and queue=false", problem.Detail, StringComparison.Ordinal);
        }
        Assert.Empty(await App.Http.CommandLogAsync("cmd-offline"));

        using (var queued = await App.Http.SendCommandAsync("cmd-offline", "reboot", "{}", "?timeout=1"))
        {
            await ApiJson.AssertProblemAsync(queued, 504);
        }
        var logged = Assert.Single(await App.Http.CommandLogAsync("cmd-offline"));
        Assert.Equal(("timedOut", null), (logged.Status, logged.DeliveredAt));
    }

    [Fact]
    public async Task SendCommand_BadRequests_PreciseProblems()
    {
        await App.EnsureDeviceAsync("cmd-bad");
        await Expect(App.Http.SendCommandAsync("cmd-nobody", "reboot", "{}"), 404, "No device 'cmd-nobody' is registered");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "re+boot", "{}"), 400, "'re+boot' is not a command name");
        await Expect(App.Http.SendCommandAsync("cmd-bad", new string('x', 65), "{}"), 400, "is not a command name");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{}", "?timeout=0"), 400, "'timeout' (0) must be a number of seconds");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{}", "?timeout=61"), 400, "at most 60");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{}", "?timeout=soon"), 400, "'timeout' (soon)");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{}", "?queue=maybe"), 400, "'queue' (maybe) must be true or false");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{oops"), 400, "The payload is not valid JSON");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{} {}"), 400, "The payload is not valid JSON");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", $$"""{"x":"{{new string('x', 9000)}}"}"""), 413, "at most 8,192");
        await Expect(App.Http.SendCommandAsync("cmd-bad", "reboot", "{}", contentType: "text/plain"), 415, "application/json");
        using (var errors = await App.Http.SendCommandAsync("cmd-bad", "reboot", "{}", "?timeout=0"))
        {
            Assert.Contains("\"timeout\"", await errors.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await App.Http.CommandLogAsync("cmd-bad"));
        using var badLimit = await App.Http.GetAsync("/api/devices/cmd-bad/commands?limit=0");
        await ApiJson.AssertProblemAsync(badLimit, 400);
    }

    [Fact]
    public async Task SendCommand_Viewer403_OperatorAllowed()
    {
        await using var device = await CommandDevice.ConnectAsync(App, "cmd-roles");
        using var viewer = await App.ClientForNewUserAsync("cmd-viewer", Roles.Viewer);
        using var operatorClient = await App.ClientForNewUserAsync("cmd-operator", Roles.Operator);

        using (var forbidden = await viewer.SendCommandAsync("cmd-roles", "reboot", "{}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        Assert.Empty(device.Requests);
        // Viewers may read the log.
        Assert.Empty(await viewer.CommandLogAsync("cmd-roles"));

        Assert.Equal("succeeded", (await operatorClient.SendCommandOkAsync("cmd-roles", "reboot", "{}")).Status);
        Assert.Equal("cmd-operator", Assert.Single(await viewer.CommandLogAsync("cmd-roles")).RequestedBy);
    }

    [Fact]
    public async Task DevicePublish_ToItsCommandTopic_Refused()
    {
        await using var device = await CommandDevice.ConnectAsync(App, "cmd-rogue");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await device.TryPublishAsync("devices/cmd-rogue/commands/reboot", "{}"));
        // An answer nobody waits for is taken and dropped.
        Assert.Contains(await device.TryPublishAsync("devices/cmd-rogue/commands/reboot/response", "{}"),
            new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });
    }

    [Fact]
    public async Task CommandLog_NewestFirst_Paged()
    {
        await using var device = await CommandDevice.ConnectAsync(App, "cmd-paged");
        foreach (var i in Enumerable.Range(1, 3))
        {
            await App.Http.SendCommandOkAsync("cmd-paged", $"step{i}", "{}");
        }
        var newest = await App.Http.CommandLogAsync("cmd-paged", "?limit=2");
        Assert.Equal(["step3", "step2"], newest.Select(c => c.Name));
        var older = await App.Http.CommandLogAsync("cmd-paged", $"?limit=2&before={newest[^1].Id}");
        Assert.Equal(["step1"], older.Select(c => c.Name));
    }

    [Fact]
    public async Task DeleteDevice_RemovesItsCommands()
    {
        await using (var device = await CommandDevice.ConnectAsync(App, "cmd-gone"))
        {
            await App.Http.SendCommandOkAsync("cmd-gone", "reboot", "{}");
        }
        using (var deleted = await App.Http.DeleteAsync("/api/devices/cmd-gone"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        await using var connection = await App.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM DeviceCommands WHERE DeviceId = 'cmd-gone'";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task Expect(Task<HttpResponseMessage> send, int status, string detail)
    {
        using var response = await send;
        var problem = await ApiJson.AssertProblemAsync(response, status);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }
}
