using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Alerts;

/// <summary>
/// The real engine with its real feed, writer queue and notifier queue, none of them started: tests read what
/// the engine published, queued for the database and queued for sending. Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class AlertHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly AlertNotifier _notifier;
    private readonly AlertCounters _counters = new();
    private readonly IDisposable _subscription;
    private long _ruleIds;

    public AlertHarness(IEnumerable<AlertRule>? rules = null, IEnumerable<Alert>? openAlerts = null, long maxAlertId = 0)
    {
        // Never opened: the writer is not started, so its queue only collects.
        var dbFactory = new PooledDbContextFactory<DigitalTwinDbContext>(
            new DbContextOptionsBuilder<DigitalTwinDbContext>().UseSqlite("Data Source=unused-by-unit-tests.db").Options);
        var options = Options.Create(new AlertOptions());
        Writer = new AlertWriter(dbFactory, _counters, options, Time, NullLogger<AlertWriter>.Instance);
        _notifier = new AlertNotifier([], Writer, _counters, options, Time, NullLogger<AlertNotifier>.Instance);
        Targets = new AlertTargets(Devices);
        var feed = new AlertFeed(NullLogger<AlertFeed>.Instance);
        _subscription = feed.Subscribe(Changes.Add);
        Engine = new AlertEngine(Targets, Writer, _notifier, feed, _counters, Time);
        var restored = rules?.ToList() ?? [];
        _ruleIds = restored.Count == 0 ? 0 : restored.Max(r => r.Id);
        Engine.Restore(restored, openAlerts ?? [], [], maxAlertId);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public AlertEngine Engine { get; }

    public AlertTargets Targets { get; }

    public AlertWriter Writer { get; }

    public List<AlertChange> Changes { get; } = [];

    public IEnumerable<AlertTransition> Transitions => Changes.Select(c => c.Transition);

    public List<AlertNotification> Notifications
    {
        get
        {
            while (_notifier.Queue.TryRead(out var notification))
            {
                _sent.Add(notification);
            }
            return _sent;
        }
    }

    private readonly List<AlertNotification> _sent = [];

    public static AlertRule Rule(long id, Action<AlertRuleDraft> configure)
    {
        var draft = new AlertRuleDraft
        {
            Name = $"rule {id}", Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Device, Target = "dev-1",
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30, Severity = AlertSeverity.Major,
        };
        configure(draft);
        Assert.Empty(draft.Validate());
        var rule = new AlertRule { Id = id, Name = "", Target = "", CreatedAt = Start, UpdatedAt = Start };
        draft.ApplyTo(rule);
        return rule;
    }

    /// <summary>A rule on temperature of dev-1, "> 30" unless configured otherwise; applied as the API would.</summary>
    public async Task<AlertRule> AddRuleAsync(Action<AlertRuleDraft>? configure = null)
    {
        var rule = Rule(++_ruleIds, configure ?? (_ => { }));
        await Engine.ApplyRuleAsync(rule);
        return rule;
    }

    /// <summary>Lets <paramref name="after"/> pass (ticking each second, as the host does), then dev-1 (or the device) reports the value.</summary>
    public async Task ReadAsync(double value, TimeSpan? after = null, string device = "dev-1", string metric = "temperature")
    {
        await AdvanceAsync(after ?? TimeSpan.Zero);
        var now = Time.GetUtcNow();
        await Engine.ObserveAsync([new TelemetryReading(device, now, now, [new MetricValue(metric, value)])], CancellationToken.None);
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var passed = TimeSpan.Zero; passed < by; passed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(by - passed < TimeSpan.FromSeconds(1) ? by - passed : TimeSpan.FromSeconds(1));
            await Engine.TickAsync();
        }
    }

    /// <summary>What the registry tells the directory after it committed a device.</summary>
    public void AddDevice(string id, string kind, params string[] tags) =>
        Devices.Stored(new Device { Id = id, Kind = kind, Tags = [.. tags] });

    public DeviceDirectory Devices { get; } = new(NullLogger<DeviceDirectory>.Instance);

    public void Dispose()
    {
        _subscription.Dispose();
        _counters.Dispose();
    }
}
