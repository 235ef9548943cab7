using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace DigitalTwin.Tests.Devices;

/// <summary><c>GET /api/devices</c>: the /devices page's query (search, filters, sort, paging) over real HTTP, without a twin per device.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviceListApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task List_SearchKindSortAndPage_MatchesTheRegistryWithTotal()
    {
        // 12 devices: every third a meter, every other one tagged "north"; names run backwards to the ids.
        var all = Enumerable.Range(0, 12).Select(i => (Id: $"lsa-{i:00}", Name: $"Sensor {11 - i:00}", Kind: i % 3 == 0 ? "meter" : "thermometer",
            Tags: i % 2 == 0 ? new[] { "north" } : ["south"])).ToList();
        foreach (var d in all)
        {
            using var created = await _app.Http.PostAsJsonAsync("/api/devices", new { id = d.Id, name = d.Name, kind = d.Kind, tags = d.Tags });
            created.EnsureSuccessStatusCode();
        }

        var page = await ListAsync("search=LSA-&kind=thermometer&tag=north&sort=name&order=desc&offset=1&limit=2");

        var expected = all.Where(d => d.Kind == "thermometer" && d.Tags.Contains("north")).OrderByDescending(d => d.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Skip(1).Take(2).Select(d => d.Id), page.Items.Select(i => i.Id));
        Assert.Equal((1, 2), (page.Offset, page.Limit));
        var first = page.Items[0];
        Assert.Equal((expected[1].Name, "thermometer"), (first.Name, first.Kind));
        Assert.Equal(["north"], first.Tags);
        Assert.Equal((DeviceStatus.Unknown, "never seen", 0), (first.Status, first.StatusText, first.Metrics.Count));
    }

    [Fact]
    public async Task List_StatusFilter_OnlineDevicesWithNewestStoredValues()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await _app.PostTelemetryAsync($"lst-on-{i}", new StringContent($$"""[{"ts":1700000000000,"temperature":{{i}}},{"ts":1700000001000,"temperature":{{i + 10}},"humidity":40}]"""));
            response.EnsureSuccessStatusCode();
        }
        await _app.EnsureDeviceAsync("lst-on-off");

        var online = await ListAsync("search=lst-on-&status=online&sort=lastSeen&order=asc");
        var neverSeen = await ListAsync("search=lst-on-&status=never-seen");

        Assert.Equal(["lst-on-0", "lst-on-1", "lst-on-2"], online.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, online.Total);
        Assert.All(online.Items, i => Assert.Equal((DeviceStatus.Online, StatusReason.DataReceived), (i.Status, i.StatusReason)));
        Assert.Equal(online.Items.Select(i => i.LastSeen).Order(), online.Items.Select(i => i.LastSeen));
        var one = online.Items.Single(i => i.Id == "lst-on-1");
        Assert.Equal(11, one.Metrics["temperature"].Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000001000), one.Metrics["temperature"].Timestamp);
        Assert.Equal(40, one.Metrics["humidity"].Value);
        Assert.True(one.Version > 0);
        Assert.Equal(["lst-on-off"], neverSeen.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task List_ManyDevices_ActivatesNoTwin()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"lst-idle-{i:00}").ToList();
        foreach (var id in ids)
        {
            await _app.EnsureDeviceAsync(id);
        }
        var twinsBefore = await ActiveTwinsAsync();

        var page = await ListAsync("search=lst-idle-&limit=200");

        Assert.Equal(ids, page.Items.Select(i => i.Id));
        Assert.Equal(twinsBefore, await ActiveTwinsAsync());
    }

    [Theory]
    [InlineData("status=sleeping", "'status' (sleeping) must be one of online, offline, never-seen.")]
    [InlineData("sort=colour", "'sort' (colour) must be one of id, name, kind, location, status, lastSeen.")]
    [InlineData("order=up", "'order' (up) must be asc or desc.")]
    [InlineData("offset=-1", "'offset' (-1) must be a whole number from 0.")]
    [InlineData("offset=1.5", "'offset' (1.5) must be a whole number from 0.")]
    [InlineData("limit=0", "'limit' (0) must be a whole number from 1 to 200.")]
    [InlineData("limit=201", "'limit' (201) must be a whole number from 1 to 200.")]
    [InlineData("limit=ten", "'limit' (ten) must be a whole number from 1 to 200.")]
    [InlineData("offset=99999999999", "'offset' (99999999999) must be a whole number from 0.")]
    public async Task List_BadParameter_400ProblemNamingIt(string query, string detail)
    {
        using var response = await _app.Http.GetAsync($"/api/devices?{query}");

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Equal(detail, problem.Detail);
    }

    [Fact]
    public async Task List_SearchTooLong_400Problem()
    {
        using var response = await _app.Http.GetAsync($"/api/devices?search={new string('x', 201)}");

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Equal("'search' has 201 characters; at most 200 are allowed.", problem.Detail);
    }

    [Fact]
    public async Task OpenApi_ListDevices_DocumentsItsParameters()
    {
        var json = await _app.Http.GetStringAsync("/openapi/v1.json");

        var get = JsonDocument.Parse(json).RootElement.GetProperty("paths").GetProperty("/api/devices").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["kind", "limit", "offset", "order", "search", "sort", "status", "tag"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("1 to 200", parameters["limit"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }

    private Task<DeviceListResponse> ListAsync(string query) => _app.Http.ListDevicesAsync(query);

    private async Task<int> ActiveTwinsAsync()
    {
        var management = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(nameof(TwinGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
