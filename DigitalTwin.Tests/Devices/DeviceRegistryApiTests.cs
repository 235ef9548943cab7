using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Devices;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Tests.Devices;

/// <summary>Registry management over real HTTP against the real app and its SQLite file.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviceRegistryApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Create_ValidDevice_201WithSecretAndStoresOnlyAHash()
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/devices", new
        {
            id = "reg-create",
            name = "Boiler room",
            kind = "meter",
            location = "Basement",
            tags = new[] { "heating", "b1" },
            metadata = new Dictionary<string, string> { ["vendor"] = "Acme" },
            offlineAfter = "00:05:00",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/devices/reg-create", response.Headers.Location?.OriginalString);
        var created = (await response.Content.ReadFromJsonAsync<DeviceWithSecret>(ApiJson.Options))!;
        Assert.Equal(43, created.Secret.Length); // 32 bytes in unpadded base64url
        Assert.Equal(("Boiler room", "meter", "Basement"), (created.Device.Name, created.Device.Kind, created.Device.Location));
        Assert.Equal(["heating", "b1"], created.Device.Tags);
        Assert.Equal("Acme", created.Device.Metadata["vendor"]);
        Assert.Equal(TimeSpan.FromMinutes(5), created.Device.OfflineAfter);
        Assert.True(created.Device.HasSecret);
        Assert.Null(created.Device.RevokedAt);

        var registration = await _app.Http.GetFromJsonAsync<DeviceResponse>("/api/devices/reg-create/registration", ApiJson.Options);
        Assert.Equal(created.Device.Tags, registration!.Tags);
        var stored = await ReadStoredAsync("reg-create");
        Assert.Equal("[\"heating\",\"b1\"]", stored.Tags);
        Assert.Equal(32, stored.Hash!.Length);
        Assert.DoesNotContain(created.Secret, stored.Tags + stored.Metadata, StringComparison.Ordinal);
        Assert.False(stored.Hash.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(created.Secret)));
    }

    [Fact]
    public async Task Create_DuplicateId_409Problem()
    {
        await _app.CreateDeviceAsync("reg-dup");

        using var response = await _app.Http.PostAsJsonAsync("/api/devices", new { id = "reg-dup", kind = "thermometer" });

        var problem = await ApiJson.AssertProblemAsync(response, 409);
        Assert.Contains("'reg-dup'", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"thermometer"}""", "id")]
    [InlineData("""{"id":"bad id","kind":"thermometer"}""", "id")]
    [InlineData("""{"id":"reg-bad-kind"}""", "kind")]
    [InlineData("""{"id":"reg-bad-kind2","kind":"a b"}""", "kind")]
    [InlineData("""{"id":"reg-bad-tags","kind":"meter","tags":[""]}""", "tags")]
    [InlineData("""{"id":"reg-bad-meta","kind":"meter","metadata":{"":"x"}}""", "metadata")]
    [InlineData("""{"id":"reg-bad-off","kind":"meter","offlineAfter":"-00:00:01"}""", "offlineAfter")]
    public async Task Create_InvalidField_400NamingTheField(string json, string field)
    {
        using var response = await _app.Http.PostAsync("/api/devices", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task Update_KnownDevice_ChangesFieldsAndKeepsSecret()
    {
        var secret = await _app.CreateDeviceAsync("reg-edit");

        using var response = await _app.Http.PutAsJsonAsync("/api/devices/reg-edit", new { kind = "meter", name = "Renamed", tags = new[] { "x" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var device = (await response.Content.ReadFromJsonAsync<DeviceResponse>(ApiJson.Options))!;
        Assert.Equal(("Renamed", "meter", "x"), (device.Name, device.Kind, device.Tags.Single()));
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, await MqttTestClient.TryConnectAsync(_app.MqttPort, "reg-edit", secret));
    }

    [Fact]
    public async Task Update_Unknown_404Problem()
    {
        using var response = await _app.Http.PutAsJsonAsync("/api/devices/reg-nobody", new { kind = "meter" });

        await ApiJson.AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task Update_InvalidKind_400NamingKind()
    {
        await _app.CreateDeviceAsync("reg-edit-bad");

        using var response = await _app.Http.PutAsJsonAsync("/api/devices/reg-edit-bad", new { kind = "" });

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Contains("kind", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_KnownDevice_204ThenGone()
    {
        await _app.CreateDeviceAsync("reg-delete");

        using var response = await _app.Http.DeleteAsync("/api/devices/reg-delete");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var again = await _app.Http.GetAsync("/api/devices/reg-delete/registration");
        await ApiJson.AssertProblemAsync(again, 404);
        using var twin = await _app.Http.GetAsync("/api/devices/reg-delete");
        await ApiJson.AssertProblemAsync(twin, 404);
        using var deleteAgain = await _app.Http.DeleteAsync("/api/devices/reg-delete");
        await ApiJson.AssertProblemAsync(deleteAgain, 404);
    }

    [Fact]
    public async Task RotateSecret_KnownDevice_NewSecretWorksOldDoesNot()
    {
        var old = await _app.CreateDeviceAsync("reg-rotate");

        using var response = await _app.Http.PostAsync("/api/devices/reg-rotate/secret", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = (await response.Content.ReadFromJsonAsync<DeviceWithSecret>(ApiJson.Options))!;
        Assert.NotEqual(old, rotated.Secret);
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.BadUserNameOrPassword, await MqttTestClient.TryConnectAsync(_app.MqttPort, "reg-rotate", old));
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, await MqttTestClient.TryConnectAsync(_app.MqttPort, "reg-rotate", rotated.Secret));
    }

    [Fact]
    public async Task Revoke_KnownDevice_MarkedRevokedAndRefused()
    {
        var secret = await _app.CreateDeviceAsync("reg-revoke");

        using var response = await _app.Http.PostAsync("/api/devices/reg-revoke/revoke", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var device = (await response.Content.ReadFromJsonAsync<DeviceResponse>(ApiJson.Options))!;
        Assert.NotNull(device.RevokedAt);
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.NotAuthorized, await MqttTestClient.TryConnectAsync(_app.MqttPort, "reg-revoke", secret));
    }

    [Theory]
    [InlineData("POST", "/api/devices/reg-ghost/secret")]
    [InlineData("POST", "/api/devices/reg-ghost/revoke")]
    [InlineData("DELETE", "/api/devices/reg-ghost")]
    [InlineData("GET", "/api/devices/reg-ghost/registration")]
    public async Task Manage_UnknownDevice_404Problem(string method, string path)
    {
        using var response = await _app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ApiJson.AssertProblemAsync(response, StatusCodes.Status404NotFound);
        Assert.Contains("'reg-ghost'", problem.Detail, StringComparison.Ordinal);
    }

    private async Task<(string Tags, string Metadata, byte[]? Hash)> ReadStoredAsync(string id)
    {
        await using var connection = await _app.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Tags, Metadata, SecretHash FROM Devices WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2));
    }
}
