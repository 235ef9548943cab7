using System.Globalization;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>Ingest health: rates, queue depth, refusals by reason and the latest refused messages.</summary>
public sealed partial class Diagnostics : LivePage
{
    private IngestCountersSnapshot? _counters;
    private IngestCountersSnapshot? _previous;
    private DateTimeOffset _previousAt;
    private double _acceptedRate;
    private double _committedRate;
    private int _queueDepth;
    private int _queueCapacity;
    private IReadOnlyList<RejectRecord> _recent = [];

    [Inject]
    public required IngestCounters Counters { get; init; }

    [Inject]
    public required TelemetryQueue Queue { get; init; }

    [Inject]
    public required RejectLog Rejects { get; init; }

    [Inject]
    public required DeviceDirectory Devices { get; init; }

    private double QueueFill => _queueCapacity == 0 ? 0 : 100.0 * _queueDepth / _queueCapacity;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Sample();
    }

    protected override Task RefreshAsync()
    {
        Sample();
        return base.RefreshAsync();
    }

    private void Sample()
    {
        var now = Time.GetUtcNow();
        _previous = _counters;
        _counters = Counters.Snapshot();
        if (_previous is not null && now > _previousAt)
        {
            var seconds = (now - _previousAt).TotalSeconds;
            _acceptedRate = (_counters.MessagesAccepted - _previous.MessagesAccepted) / seconds;
            _committedRate = (_counters.ReadingsCommitted - _previous.ReadingsCommitted) / seconds;
        }
        _previousAt = now;
        _queueDepth = Queue.Depth;
        _queueCapacity = Queue.Capacity;
        _recent = Rejects.Recent();
    }

    private IEnumerable<(string Label, string Value, string Hint, string TestId)> Stats()
    {
        var c = _counters!;
        yield return ("Devices", Format(Devices.Count), "known", "stat-devices");
        yield return ("Messages accepted", Format(c.MessagesAccepted), $"{_acceptedRate:N0}/s", "stat-accepted");
        yield return ("Readings in twins", Format(c.ReadingsApplied), "applied", "stat-applied");
        yield return ("Readings in history", Format(c.ReadingsCommitted), $"{_committedRate:N0}/s committed", "stat-committed");
        yield return ("Samples stored", Format(c.SamplesCommitted), "metric values", "stat-samples");
        yield return ("Refused", Format(c.TotalRejected), "all reasons", "stat-rejected");
    }

    private static string Format(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
