using System.Buffers.Text;
using System.Diagnostics;

namespace DigitalTwin.Bench;

/// <summary>
/// The simulated fleet: <c>bench-0 … bench-{D-1}</c>, each owned by one publisher connection so its
/// messages stay in order. Per device, <c>seq</c> counts up from 0 and <c>ts</c> (Unix ms) is strictly
/// increasing: history is keyed by (series, timestamp), so two messages in the same millisecond would
/// otherwise collapse into one row and the sample count could not be checked.
/// </summary>
internal sealed class BenchDevices
{
    private readonly long[] _nextSeq;
    private readonly long[] _lastTs;

    public BenchDevices(int count, int publishers)
    {
        Count = count;
        Ids = [.. Enumerable.Range(0, count).Select(i => $"bench-{i}")];
        Topics = [.. Ids.Select(id => $"devices/{id}/telemetry")];
        _nextSeq = new long[count];
        _lastTs = new long[count];
        Owned = [.. Enumerable.Range(0, publishers).Select(p => Enumerable.Range(0, count).Where(d => d % publishers == p).ToArray())];
    }

    public int Count { get; }

    public string[] Ids { get; }

    public string[] Topics { get; }

    /// <summary>The devices each publisher sends for (device % publishers == publisher).</summary>
    public int[][] Owned { get; }

    /// <summary>The next sequence number of each device: a round's first seq, for the latency recorder.</summary>
    public long[] NextSeqSnapshot() => (long[])_nextSeq.Clone();

    /// <summary>Only the device's owning publisher calls this, so no two threads touch one device.</summary>
    public (byte[] Payload, long Seq) NextMessage(int device)
    {
        var seq = _nextSeq[device]++;
        var ts = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastTs[device] + 1);
        _lastTs[device] = ts;
        return (Payload(ts, seq), seq);
    }

    /// <summary>{"ts":…,"temperature":21.3,"humidity":40.1,"seq":…}, formatted without intermediate strings.</summary>
    public static byte[] Payload(long ts, long seq)
    {
        Span<byte> buffer = stackalloc byte[128];
        var n = Append(buffer, 0, "{\"ts\":"u8);
        n += Format(ts, buffer[n..]);
        n = Append(buffer, n, ",\"temperature\":21.3,\"humidity\":40.1,\"seq\":"u8);
        n += Format(seq, buffer[n..]);
        n = Append(buffer, n, "}"u8);
        return buffer[..n].ToArray();
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer[at..]);
        return at + text.Length;
    }

    private static int Format(long value, Span<byte> destination)
    {
        var ok = Utf8Formatter.TryFormat(value, destination, out var written);
        Debug.Assert(ok);
        return written;
    }
}
