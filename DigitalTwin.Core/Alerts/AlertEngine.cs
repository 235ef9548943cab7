using System.Collections.Immutable;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// The alert state machine, in memory: at most one open alert per (rule, device). Readings arrive from the ingest
/// pipeline (<see cref="ObserveAsync"/>), time-based transitions from the ticker (<see cref="TickAsync"/>), rule and
/// silence changes and people's actions from the alert services. The engine is the only writer of alert state: every
/// transition and every person's action is queued to the writer under the engine's lock, so the database sees them in
/// the order the engine made them; then it goes to the in-app feed and the notifier (never waits). Evaluation waits
/// only when the database falls far behind (the writer's back-pressure).
/// </summary>
/// <remarks>
/// Pending periods, no-data timers and re-notify intervals run on server time (<see cref="TimeProvider"/>); rate
/// windows on device time, so a replayed backlog measures the change the device saw.
/// </remarks>
public sealed partial class AlertEngine : IReadingObserver, IAlertEngine
{
    private readonly Lock _lock = new();
    private readonly AlertTargets _targets;
    private readonly AlertWriter _writer;
    private readonly AlertNotifier _notifier;
    private readonly IAlertFeed _feed;
    private readonly AlertCounters _counters;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<long, AlertRule> _rules = [];
    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Alert> _openById = [];
    private readonly HashSet<long> _outside = [];
    private readonly HashSet<long> _needsFreshReading = [];
    private List<Effect> _effects = [];
    private ImmutableArray<AlertSilence> _silences = [];
    private volatile RuleIndex _index = RuleIndex.Empty;
    private volatile bool _indexDirty;
    private long _nextId;
    private int _unacknowledged;

    public AlertEngine(AlertTargets targets, AlertWriter writer, AlertNotifier notifier, IAlertFeed feed, AlertCounters counters, TimeProvider time)
    {
        _targets = targets;
        _writer = writer;
        _notifier = notifier;
        _feed = feed;
        _counters = counters;
        _time = time;
        targets.Changed += () => _indexDirty = true;
        targets.Removed += OnDeviceRemoved;
    }

    /// <summary>Completes once the rules and open alerts are restored; readings before that wait for it.</summary>
    public Task Ready => _ready.Task;

    public int UnacknowledgedCount => Volatile.Read(ref _unacknowledged);

    public ValueTask<int> OpenCountAsync() => ValueTask.FromResult(OpenCount);

    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _openById.Count;
            }
        }
    }

    /// <summary>The rule as the engine applies it now (no database query); null when there is no such rule.</summary>
    public AlertRule? Rule(long ruleId)
    {
        lock (_lock)
        {
            return _rules.GetValueOrDefault(ruleId);
        }
    }

    /// <summary>Loads the state kept in the database; restored pending alerts need a fresh reading to become active.</summary>
    /// <remarks>Once: a second restore would count the open alerts twice.</remarks>
    public void Restore(IEnumerable<AlertRule> rules, IEnumerable<Alert> openAlerts, IReadOnlyList<AlertSilence> silences, long maxAlertId)
    {
        lock (_lock)
        {
            if (_ready.Task.IsCompleted)
            {
                return;
            }
            foreach (var rule in rules)
            {
                _rules[rule.Id] = rule;
            }
            _nextId = Math.Max(_nextId, maxAlertId);
            _silences = [.. silences];
            foreach (var alert in openAlerts)
            {
                State(alert.DeviceId).Open[alert.RuleId] = alert;
                _openById[alert.Id] = alert;
                if (alert.State == AlertState.Pending)
                {
                    _needsFreshReading.Add(alert.Id);
                }
                else if (!alert.Acknowledged)
                {
                    _unacknowledged++;
                }
            }
            RebuildIndex(Now());
        }
        _ready.TrySetResult();
    }

    public async ValueTask ObserveAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken cancellationToken)
    {
        if (!_ready.Task.IsCompleted)
        {
            await _ready.Task.WaitAsync(cancellationToken);
        }
        if (_index.IsEmpty && !_indexDirty)
        {
            return;
        }
        List<Effect> effects;
        lock (_lock)
        {
            var now = Now();
            if (_indexDirty)
            {
                RebuildIndex(now);
            }
            var evaluated = 0;
            foreach (var reading in batch)
            {
                if (_index.TryGet(reading.DeviceId, out var rules))
                {
                    evaluated++;
                    Evaluate(rules, reading, now);
                }
            }
            _counters.ReadingsEvaluated(evaluated);
            effects = Flush();
        }
        await AnnounceAsync(effects, cancellationToken);
    }

    /// <summary>Time-based transitions: pending periods that elapsed, devices silent too long, re-notifications.</summary>
    public async ValueTask TickAsync(CancellationToken cancellationToken = default)
    {
        List<Effect> effects;
        lock (_lock)
        {
            var now = Now();
            if (_indexDirty)
            {
                RebuildIndex(now);
            }
            Tick(now);
            ForgetCommitted();
            ForgetExpiredSilences(now);
            effects = Flush();
        }
        await AnnounceAsync(effects, cancellationToken);
    }

    /// <summary>A rule was created or edited: it applies from the next reading; its open alerts are re-judged now.</summary>
    public async ValueTask ApplyRuleAsync(AlertRule rule, CancellationToken cancellationToken = default) =>
        await Change(now => ApplyRule(rule, now), cancellationToken);

    /// <summary>A rule was deleted: its open alerts are cleared ("rule deleted").</summary>
    public async ValueTask RemoveRuleAsync(long ruleId, CancellationToken cancellationToken = default) =>
        await Change(now => RemoveRule(ruleId, now), cancellationToken);

    /// <summary>
    /// Told by the device directory on the registry's thread, after the delete committed: done at once under the lock
    /// (the directory's subscribers must not wait), announced in the background.
    /// </summary>
    private void OnDeviceRemoved(string deviceId)
    {
        List<Effect> effects;
        lock (_lock)
        {
            RemoveDevice(deviceId, Now());
            effects = Flush();
        }
        _ = AnnounceAsync(effects, CancellationToken.None).AsTask();
    }

    /// <returns>Completes when the audited writes among the effects are committed.</returns>
    private async ValueTask<Task> Change(Action<DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        List<Effect> effects;
        lock (_lock)
        {
            change(Now());
            effects = Flush();
        }
        return await AnnounceAsync(effects, cancellationToken);
    }

    /// <summary>Whole milliseconds, as stored: an alert reads the same before and after a restart.</summary>
    private DateTimeOffset Now() => Truncate(_time.GetUtcNow());

    private static DateTimeOffset Truncate(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>
    /// Under the lock: queues the effects' writes in the order they were made (a person's action can never be
    /// overtaken by an earlier transition of the same alert) and remembers closed alerts until they are committed.
    /// </summary>
    private List<Effect> Flush()
    {
        if (_effects.Count == 0)
        {
            return [];
        }
        var effects = _effects;
        _effects = [];
        foreach (var effect in effects)
        {
            var write = ToWrite(effect);
            var position = _writer.Enqueue(write);
            effect.Committed = write.Committed?.Task;
            if (effect.Transition == AlertTransition.Resolved)
            {
                _closing[effect.Alert.Id] = new Closing(null, position);
            }
            else if (!effect.Alert.IsOpen)
            {
                _closing[effect.Alert.Id] = new Closing(effect.Alert, position);
            }
        }
        return effects;
    }

    private static AlertWrite ToWrite(Effect effect)
    {
        var alert = effect.Alert;
        return effect.Transition switch
        {
            null => new AlertWrite(alert),
            AlertTransition.Resolved => new AlertWrite(DeleteAlertId: alert.Id),
            { } transition => new AlertWrite(alert, new AlertHistoryEntry
            {
                AlertId = alert.Id, At = effect.At, Transition = transition, State = alert.State, Value = effect.Value, By = effect.By, Detail = effect.Detail,
            }, Audit: effect.Audit),
        };
    }

    /// <summary>Outside the lock: listeners must not hold the engine, and the writer may make evaluation wait (back-pressure).</summary>
    /// <returns>Completes when the audited writes (people's actions) are committed.</returns>
    private async ValueTask<Task> AnnounceAsync(List<Effect> effects, CancellationToken cancellationToken)
    {
        List<Task>? commits = null;
        foreach (var effect in effects)
        {
            if (effect.Committed is { } committed)
            {
                (commits ??= []).Add(committed);
            }
            if (effect.Transition is not { } transition)
            {
                continue;
            }
            var alert = effect.Alert;
            _counters.Transition(transition);
            _feed.Publish(new AlertChange(transition, alert, effect.At, UnacknowledgedCount, effect.By));
            if (effect.Notify is { } rule)
            {
                _notifier.TryEnqueue(new AlertNotification(transition, alert, rule, effect.At, IsSilenced(alert.RuleId, alert.DeviceId, effect.At)));
            }
        }
        if (effects.Count > 0)
        {
            await _writer.WaitForRoomAsync(cancellationToken);
        }
        return commits is null ? Task.CompletedTask : Task.WhenAll(commits);
    }

    /// <param name="Transition">Null: only the alert's stored state changes (e.g. a rule's new severity).</param>
    /// <param name="Alert">A copy taken at the transition.</param>
    /// <param name="Notify">The rule, when people are to be notified.</param>
    /// <param name="Audit">A person's action: written in the same transaction as the transition.</param>
    private sealed record Effect(
        AlertTransition? Transition, Alert Alert, DateTimeOffset At, double? Value = null, string? By = null, string? Detail = null, AlertRule? Notify = null, AuditEntry? Audit = null)
    {
        /// <summary>Set when queued: the commit of an audited write.</summary>
        public Task? Committed { get; set; }
    }
}
