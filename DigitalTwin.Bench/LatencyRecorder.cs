using System.Diagnostics;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Bench;

internal sealed record LatencySummary(long Messages, long Measured, double P50Ms, double P99Ms, double MaxMs);

/// <summary>
/// Publish → twin delay of every message of one round. The publisher stamps (device, seq) just before
/// publishing; the change feed callback (on the grain's thread, so it must be cheap) reads the twin's
/// <c>seq</c> metric. A twin applies a batch at once and shows only its newest seq, so every seq since
/// the last one seen for that device is taken as applied at that moment: no message is left out.
/// </summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly Dictionary<string, int> _deviceIndex;
    private readonly long[] _firstSeq;
    private readonly long[] _lastSeen;
    private readonly long[][] _stamps;
    private readonly long[] _delays;
    private readonly IDisposable _subscription;
    private long _measured;

    public LatencyRecorder(BenchDevices devices, ITwinChangeFeed feed, long messages)
    {
        _deviceIndex = devices.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _firstSeq = devices.NextSeqSnapshot();
        _lastSeen = [.. _firstSeq.Select(s => s - 1)];
        var perDevice = (int)(messages / devices.Count) + 2;
        _stamps = [.. Enumerable.Range(0, devices.Count).Select(_ => new long[perDevice])];
        _delays = new long[messages];
        _subscription = feed.Subscribe(null, OnChange);
    }

    public void Stamp(int device, long seq)
    {
        var stamps = _stamps[device];
        var k = seq - _firstSeq[device];
        if (k < stamps.Length)
        {
            stamps[k] = Stopwatch.GetTimestamp();
        }
    }

    public LatencySummary Summarize()
    {
        var count = (int)Math.Min(Interlocked.Read(ref _measured), _delays.Length);
        var delays = _delays.AsSpan(0, count).ToArray();
        Array.Sort(delays);
        return new LatencySummary(_delays.Length, count, Percentile(delays, 0.50), Percentile(delays, 0.99), count == 0 ? double.NaN : Ms(delays[^1]));
    }

    public void Dispose() => _subscription.Dispose();

    private void OnChange(TwinSnapshot snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_deviceIndex.TryGetValue(snapshot.DeviceId, out var device) || snapshot["seq"] is not { } seq)
        {
            return;
        }
        var stamps = _stamps[device];
        var newest = Math.Min((long)seq - _firstSeq[device], stamps.Length - 1);
        for (var k = _lastSeen[device] - _firstSeq[device] + 1; k <= newest; k++)
        {
            if (stamps[k] == 0)
            {
                continue;
            }
            var slot = Interlocked.Increment(ref _measured) - 1;
            if (slot < _delays.Length)
            {
                _delays[slot] = now - stamps[k];
            }
        }
        _lastSeen[device] = Math.Max(_lastSeen[device], newest + _firstSeq[device]);
    }

    private static double Percentile(long[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : Ms(sorted[(int)Math.Round(q * (sorted.Length - 1))]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
