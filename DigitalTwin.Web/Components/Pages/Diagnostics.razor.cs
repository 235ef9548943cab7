using DigitalTwin.Web.Localization;
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
        yield return (L["Diag.Devices"], Format(Devices.Count), L["Diag.Known"], "stat-devices");
        yield return (L["Diag.Accepted"], Format(c.MessagesAccepted), L["Diag.PerSecond", Format((long)Math.Round(_acceptedRate))], "stat-accepted");
        yield return (L["Diag.InTwins"], Format(c.ReadingsApplied), L["Diag.Applied"], "stat-applied");
        yield return (L["Diag.InHistory"], Format(c.ReadingsCommitted), L["Diag.CommittedPerSecond", Format((long)Math.Round(_committedRate))], "stat-committed");
        yield return (L["Diag.Samples"], Format(c.SamplesCommitted), L["Diag.MetricValues"], "stat-samples");
        yield return (L["Diag.Refused"], Format(c.TotalRejected), L["Diag.AllReasons"], "stat-rejected");
    }

    private static string Format(long n) => CultureFormat.Count(n);
}
