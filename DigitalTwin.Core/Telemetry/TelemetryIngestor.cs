using System.Buffers;
using DigitalTwin.Core.Devices;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

/// <param name="Position">Queue position of the message's last reading, for <see cref="TelemetryIngestor.WhenCommittedAsync"/>.</param>
public sealed record IngestResult(int Accepted, RejectReason? Reason, string? Detail, long Position = 0)
{
    public bool IsAccepted => Reason is null;
}

/// <summary>The single entry for telemetry from any transport: validate, count, enqueue.</summary>
public sealed class TelemetryIngestor(
    TelemetryPayloadParser parser,
    TelemetryQueue queue,
    CommitTracker commits,
    IngestCounters counters,
    RejectLog rejects,
    DeviceDirectory directory,
    DeviceRegistry registry,
    MetricCardinality cardinality,
    IOptions<DeviceOptions> devices)
{
    /// <summary>Unregistered devices are refused here, for every transport, unless auto-registration is on.</summary>
    public bool IsAllowed(string deviceId) => devices.Value.AllowAutoRegistration || directory.Contains(deviceId);

    /// <remarks>The payload is parsed before the first await, so a transport may reuse its buffer afterwards.</remarks>
    public ValueTask<IngestResult> IngestAsync(IngestSource source, string deviceId, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        // Unknown devices are refused before parsing, so a flood from them costs no JSON work.
        var parsed = !DeviceId.IsValid(deviceId)
            ? ParseResult.Reject(RejectReason.InvalidDeviceId, $"Device id '{TelemetryPayloadParser.Truncate(deviceId)}' is not valid ({DeviceId.Rule}).")
            : !IsAllowed(deviceId)
                ? ParseResult.Reject(RejectReason.UnknownDevice, $"Device '{deviceId}' is not registered; create it with POST /api/devices.")
                : parser.Parse(deviceId, payload);
        if (!parsed.IsValid)
        {
            return ValueTask.FromResult(Reject(source, deviceId, parsed.Reason!.Value, parsed.Detail!));
        }
        if (cardinality.Admit(deviceId, parsed.Readings!) is { } tooMany)
        {
            return ValueTask.FromResult(Reject(source, deviceId, RejectReason.TooManyDeviceMetrics, tooMany));
        }
        return directory.Contains(deviceId)
            ? EnqueueAsync(parsed.Readings!, cancellationToken)
            : RegisterAndEnqueueAsync(deviceId, parsed.Readings!, cancellationToken);
    }

    public IngestResult Reject(IngestSource source, string deviceId, RejectReason reason, string detail)
    {
        counters.Rejected(reason);
        rejects.Report(source, deviceId, reason, detail);
        return new IngestResult(0, reason, detail);
    }

    /// <summary>Completes when an accepted message's readings are committed to history (at once for a refused one).</summary>
    public Task WhenCommittedAsync(IngestResult result) =>
        result.IsAccepted ? commits.WhenCommittedAsync(result.Position) : Task.CompletedTask;

    /// <summary>The first message of a device that auto-registration lets in: registered before its readings queue, so they have a device to belong to.</summary>
    private async ValueTask<IngestResult> RegisterAndEnqueueAsync(string deviceId, IReadOnlyList<TelemetryReading> readings, CancellationToken cancellationToken)
    {
        await registry.AutoRegisterAsync(deviceId, cancellationToken);
        return await EnqueueAsync(readings, cancellationToken);
    }

    private async ValueTask<IngestResult> EnqueueAsync(IReadOnlyList<TelemetryReading> readings, CancellationToken cancellationToken)
    {
        var position = await queue.EnqueueAsync(readings, cancellationToken);
        counters.MessageAccepted(readings.Count);
        return new IngestResult(readings.Count, null, null, position);
    }
}
