using System.Globalization;
using System.Net;
using System.Text;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>
/// Thousands of random, truncated and malformed messages over MQTT and HTTP, with valid ones in between:
/// the app stays up, refuses the bad ones, and stores every valid one. Auto-registration is on, so that
/// garbage to any device id reaches the parser instead of stopping at authentication.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FuzzIngestTests(AutoRegistrationAppFixture fixture) : IClassFixture<AutoRegistrationAppFixture>
{
    private const int Messages = 2000;
    private readonly DigitalTwinAppFactory _app = fixture.App;
    private readonly Random _random = new(20261126);
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddHours(-1);

    [Fact]
    public async Task Mqtt_GarbageInterleavedWithValid_EveryValidMessageStored()
    {
        var device = await _app.ConnectMqttAsync();
        var valid = 0;
        try
        {
            for (var i = 0; i < Messages; i++)
            {
                if (i % 4 == 0)
                {
                    await device.PublishAsync("devices/fuzz-mqtt/telemetry", ValidReading(valid++));
                    continue;
                }
                try
                {
                    // Refused garbage gets a failure PUBACK and keeps the connection.
                    await device.TryPublishAsync(RandomTopic(), Garbage());
                }
                catch (Exception)
                {
                    // Topics the client or broker refuse (wildcards, empty levels) may cost the connection.
                    await device.DisposeAsync();
                    device = await _app.ConnectMqttAsync();
                }
            }
        }
        finally
        {
            await device.DisposeAsync();
        }

        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("fuzz-mqtt") == valid, what: $"{valid} valid MQTT readings stored");
        Assert.True((await _app.Http.GetAsync("/api/devices")).IsSuccessStatusCode);
        Assert.True(_app.Services.GetRequiredService<IngestCounters>().Snapshot().TotalRejected > Messages / 4, "The garbage was not refused and counted.");
    }

    [Fact]
    public async Task Http_GarbageInterleavedWithValid_EveryValidMessageStoredAndEveryBadOneRefused()
    {
        var valid = 0;
        for (var i = 0; i < Messages / 2; i++)
        {
            if (i % 4 == 0)
            {
                using var ok = await PostAsync("fuzz-http", ValidReading(valid++));
                Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
                continue;
            }
            var deviceId = _random.Next(4) == 0 ? Uri.EscapeDataString(RandomText(1, 80)) : "fuzz-http-bad";
            using var response = await PostAsync(deviceId, Garbage());
            Assert.True((int)response.StatusCode is 202 or 400 or 404 or 405 or 413, $"Unexpected {(int)response.StatusCode} for a fuzzed post");
        }

        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("fuzz-http") == valid, what: $"{valid} valid HTTP readings stored");
        Assert.True((await _app.Http.GetAsync("/api/devices")).IsSuccessStatusCode);
    }

    /// <summary>As an auto-registered device posts: without a user's token (whose own rate limit would apply).</summary>
    private Task<HttpResponseMessage> PostAsync(string deviceId, byte[] body) =>
        _app.AnonymousHttp.PostAsync($"/api/devices/{deviceId}/telemetry", new ByteArrayContent(body));

    private byte[] ValidReading(int n) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""{"ts":{{_start.AddMilliseconds(n).ToUnixTimeMilliseconds()}},"temperature":{{n}}.5}"""));

    private string RandomTopic() => _random.Next(6) switch
    {
        0 => "devices/fuzz-mqtt-bad/telemetry",
        1 => "devices//telemetry",
        2 => "devices/" + RandomText(1, 30) + "/telemetry",
        3 => "devices/fuzz/other/" + RandomText(1, 10),
        4 => "devices/" + new string('x', _random.Next(100, 20_000)) + "/telemetry",
        _ => RandomText(1, 50),
    };

    /// <summary>Random bytes, truncated or mangled valid JSON, wrong types, huge values.</summary>
    private byte[] Garbage()
    {
        var valid = Encoding.UTF8.GetString(ValidReading(_random.Next(1_000_000)));
        return _random.Next(7) switch
        {
            0 => RandomBytes(_random.Next(0, 300)),
            1 => Encoding.UTF8.GetBytes(valid[.._random.Next(valid.Length)]),
            2 => Encoding.UTF8.GetBytes(valid.Replace(".5", "\"x\"", StringComparison.Ordinal)),
            3 => Encoding.UTF8.GetBytes("""{"temperature":1e999}"""),
            4 => Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("""{"t":1}""", _random.Next(1, 3000))) + "]"),
            5 => Encoding.UTF8.GetBytes($$"""{"ts":"{{RandomText(0, 20)}}","temperature":1}"""),
            _ => Encoding.UTF8.GetBytes(new string('{', _random.Next(1, 100))),
        };
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomText(int min, int max) =>
        new([.. Enumerable.Range(0, _random.Next(min, max)).Select(_ => (char)_random.Next(32, 0x3000))]);
}
