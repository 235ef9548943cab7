using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Twins;

namespace DigitalTwin.Tests.Twins;

/// <summary>The twin document API as a client uses it: GET …/twin, PATCH …/twin/desired with a merge patch.</summary>
internal static class DesiredStateHarness
{
    public static async Task<(TwinPropertiesResponse Twin, string? ETag)> GetDocumentsAsync(this HttpClient http, string deviceId)
    {
        using var response = await http.GetAsync($"/api/devices/{deviceId}/twin");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET twin of {deviceId}: {(int)response.StatusCode} {body}");
        return (JsonSerializer.Deserialize<TwinPropertiesResponse>(body, ApiJson.Options)!, response.Headers.ETag?.Tag);
    }

    /// <summary>PATCH …/twin/desired; the caller checks the response.</summary>
    public static Task<HttpResponseMessage> PatchDesiredAsync(this HttpClient http, string deviceId, string patch, string? ifMatch = null,
        string contentType = TwinPropertyApi.MergePatchJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/devices/{deviceId}/twin/desired")
        {
            Content = new StringContent(patch, Encoding.UTF8, contentType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return http.SendAsync(request);
    }

    /// <summary>PATCH that must succeed; the new documents.</summary>
    public static async Task<TwinPropertiesResponse> PatchDesiredOkAsync(this HttpClient http, string deviceId, string patch, string? ifMatch = null)
    {
        using var response = await http.PatchDesiredAsync(deviceId, patch, ifMatch);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PATCH desired of {deviceId}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<TwinPropertiesResponse>(body, ApiJson.Options)!;
    }

    /// <summary>Subscribes to the device's desired topic and waits for the document with <paramref name="version"/>.</summary>
    public static async Task<ReceivedMessage> DesiredAsync(this MqttTestClient device, string deviceId, long version)
    {
        var message = await Eventually.MatchAsync(
            () => Task.FromResult(device.Received.LastOrDefault(m => m.Topic == $"devices/{deviceId}/desired")),
            m => m is not null && Version(m) == version, what: $"desired version {version} of {deviceId}");
        return message!;
    }

    public static long Version(ReceivedMessage message) =>
        message.Payload.Length == 0 ? 0 : JsonNode.Parse(message.Payload)!["$version"]!.GetValue<long>();

    public static string Compact(JsonNode node) => node.ToJsonString();
}
