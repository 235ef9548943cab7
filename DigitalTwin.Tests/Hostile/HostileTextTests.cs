using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DigitalTwin.Tests.Hostile;

/// <summary>Typed text that is stored and shown again refuses control characters and bidi overrides, with a field error.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileTextTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public static readonly TheoryData<string> Hostile = new()
    {
        "boiler\0room",        // NUL
        "boiler\u001b[31mroom", // ESC: a terminal colour code in a log
        "boiler\r\nroom",       // CR/LF: a forged log line
        "invoice\u202Etxt.exe", // right-to-left override
        "a\u2066b",             // left-to-right isolate
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task CreateDevice_HostileTextInEachField_NamesEveryField(string text)
    {
        using var response = await _http.PostAsJsonAsync("/api/devices", new
        {
            id = "hostile-text", kind = "meter", name = text, location = text, tags = new[] { "ok", text },
            metadata = new Dictionary<string, string> { ["floor"] = text },
        });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["location", "metadata", "name", "tags"], errors.Keys.Order());
        Assert.Contains("U+", errors["name"].Single());
    }

    [Fact]
    public async Task CreateDevice_MetadataKeyWithEscape_Refused()
    {
        using var response = await _http.PostAsJsonAsync("/api/devices", new
        {
            id = "hostile-key", kind = "meter", metadata = new Dictionary<string, string> { ["fl\u001boor"] = "2" },
        });

        Assert.Contains("metadata", (await ErrorsAsync(response)).Keys);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task CreateRule_HostileName_NamesTheField(string text)
    {
        using var response = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = text, kind = "Threshold", targetKind = "Kind", target = "thermometer", metric = "temperature", @operator = "GreaterThan", threshold = 30,
        });

        Assert.Equal(["name"], (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task CreateRule_DescriptionWithLineBreaksButNoEscape_Accepted()
    {
        using var ok = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Multi-line", description = "first line\r\nsecond line", kind = "Threshold", targetKind = "Kind", target = "thermometer",
            metric = "temperature", @operator = "GreaterThan", threshold = 30,
        });
        using var refused = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Escaped", description = "\u001b]0;owned\u0007", kind = "Threshold", targetKind = "Kind", target = "thermometer",
            metric = "temperature", @operator = "GreaterThan", threshold = 30,
        });

        Assert.Equal(201, (int)ok.StatusCode);
        Assert.Equal(["description"], (await ErrorsAsync(refused)).Keys);
    }

    [Fact]
    public async Task CreateSilence_HostileReason_NamesTheField()
    {
        // Who silences is the caller (the token's user), so only the reason is typed text.
        using var response = await _http.PostAsJsonAsync("/api/silences", new { deviceId = "x", @for = "01:00:00", reason = "nul\0" });

        Assert.Equal(["reason"], (await ErrorsAsync(response)).Keys.Order());
    }

    private readonly HttpClient _http = fixture.App.Http;

    private static async Task<IDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        await ApiJson.AssertProblemAsync(response, 400);
        return JsonSerializer.Deserialize<ValidationProblemDetails>(body, ApiJson.Options)!.Errors;
    }
}
