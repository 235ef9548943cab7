using System.Net;
using System.Text;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Devices;

/// <summary>
/// A device deleted and then back under the same id, through the real API, broker-free (HTTP posts wait for the
/// history commit) and the real SQLite file: its new readings must land in its new history, none in a deleted series.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeviceDeleteHistoryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Delete_RecreatedWithSameIdAndReportsAgain_NewReadingInItsNewHistoryNoOrphans()
    {
        var counters = _app.Services.GetRequiredService<IngestCounters>();
        await PostAsync("del-again", 20.5);
        Assert.Equal(1, await _app.CountSamplesAsync("del-again"));
        var failures = counters.HistoryCommitFailures;

        using var deleted = await _app.Http.DeleteAsync("/api/devices/del-again");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await _app.CountSamplesAsync("del-again"));
        await _app.CreateDeviceAsync("del-again");
        await PostAsync("del-again", 21.5);

        Assert.Equal(1, await _app.CountSamplesAsync("del-again"));
        Assert.Equal(0, await _app.CountOrphanHistoryAsync());
        // The registry told the writer, which read the series again: not even one failed commit.
        Assert.Equal(failures, counters.HistoryCommitFailures);
    }

    private async Task PostAsync(string deviceId, double temperature)
    {
        using var content = new StringContent($$"""{"temperature":{{temperature}}}""", Encoding.UTF8, "application/json");
        using var response = await _app.PostTelemetryAsync(deviceId, content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
