using System.Net;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Twins.Maintenance;

/// <summary>GET /api/maintenance over the real app: its parameters checked with ProblemDetails, and documented.</summary>
[Collection(AppCollection.Name)]
public sealed class MaintenanceApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Theory]
    [InlineData("days=1", "days")]
    [InlineData("days=31", "days")]
    [InlineData("take=0", "take")]
    [InlineData("take=201", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("metric=no%20spaces", "metric")]
    [InlineData("take=many", "take")]
    public async Task Get_BadParameter_Is400NamingIt(string query, string field)
    {
        using var response = await _app.Http.GetAsync($"/api/maintenance?{query}");

        await ApiJson.AssertProblemAsync(response, 400);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }

    [Fact]
    public async Task Get_Defaults_SevenDaysOfTemperatureRanked()
    {
        using var response = await _app.Http.GetAsync("/api/maintenance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("temperature", root.GetProperty("metric").GetString());
        Assert.Equal(TimeSpan.FromDays(7), root.GetProperty("to").GetDateTimeOffset() - root.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("devices").ValueKind);
    }

    [Fact]
    public async Task OpenApi_Maintenance_DocumentedWithItsParameters()
    {
        using var document = JsonDocument.Parse(await _app.Http.GetStringAsync("/openapi/v1.json"));

        var get = document.RootElement.GetProperty("paths").GetProperty("/api/maintenance").GetProperty("get");

        Assert.Equal(["metric", "days", "skip", "take"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("worst first", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
