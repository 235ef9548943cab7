using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Security;

/// <summary>The OpenAPI document as a client generator or the API reference page reads it: schemes and requirements.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiSecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Document_SecuritySchemes_BearerTokenAndDeviceSecret()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        var bearer = schemes.GetProperty("bearerAuth");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Contains("dtu_", bearer.GetProperty("description").GetString(), StringComparison.Ordinal);
        var device = schemes.GetProperty("deviceSecret");
        Assert.Equal("http", device.GetProperty("type").GetString());
        Assert.Equal("bearer", device.GetProperty("scheme").GetString());
    }

    [Theory]
    [InlineData("/api/devices", "get", "bearerAuth")]
    [InlineData("/api/devices", "post", "bearerAuth")]
    [InlineData("/api/alert-rules/{id}", "delete", "bearerAuth")]
    [InlineData("/api/auth/me", "get", "bearerAuth")]
    [InlineData("/api/devices/{id}/telemetry", "get", "bearerAuth")]
    [InlineData("/api/devices/{id}/telemetry", "post", "deviceSecret")]
    public async Task Operation_Protected_RequiresItsScheme(string path, string method, string scheme)
    {
        var operation = Operation(await DocumentAsync(), path, method);

        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Equal([scheme], requirement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Operation_AuthToken_Anonymous()
    {
        var operation = Operation(await DocumentAsync(), "/api/auth/token", "post");

        Assert.False(operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0, $"security: {security}");
    }

    [Fact]
    public async Task Document_EveryOperation_DeclaresWhoMayCallIt()
    {
        var document = await DocumentAsync();
        var anonymous = new List<string>();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("security", out var security) || security.GetArrayLength() == 0)
                {
                    anonymous.Add($"{operation.Name} {path.Name}");
                }
            }
        }

        // The anonymous allow-list of the API: trading a password for a token. A new anonymous operation fails here.
        Assert.Equal(["post /api/auth/token"], anonymous);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _app.Http.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);
}
