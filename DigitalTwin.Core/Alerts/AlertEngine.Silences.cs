using System.Collections.Immutable;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// The silences in force, as the engine knows them: loaded at start and told of every change once it is committed.
/// Whether a notification is silenced and until when a rule is silenced are computed from them when asked.
/// </summary>
public sealed partial class AlertEngine
{
    public void AddSilence(AlertSilence silence) => ImmutableInterlocked.Update(ref _silences, s => s.Add(silence));

    public void RemoveSilence(long silenceId) => ImmutableInterlocked.Update(ref _silences, s => s.RemoveAll(x => x.Id == silenceId));

    public ValueTask AddSilenceAsync(AlertSilence silence)
    {
        AddSilence(silence);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveSilenceAsync(long silenceId)
    {
        RemoveSilence(silenceId);
        return ValueTask.CompletedTask;
    }

    /// <summary>The end of the latest rule-wide silence of the rule in force at <paramref name="now"/>; null when none.</summary>
    public DateTimeOffset? SilencedUntil(long ruleId, DateTimeOffset now)
    {
        DateTimeOffset? until = null;
        foreach (var silence in _silences)
        {
            if (silence.RuleId == ruleId && silence.DeviceId is null && silence.Until > now && (until is null || silence.Until > until))
            {
                until = silence.Until;
            }
        }
        return until;
    }

    private void ForgetExpiredSilences(DateTimeOffset now)
    {
        if (_silences.Any(s => s.Until <= now))
        {
            ImmutableInterlocked.Update(ref _silences, s => s.RemoveAll(x => x.Until <= now));
        }
    }

    private bool IsSilenced(long ruleId, string deviceId, DateTimeOffset at) => _silences.Any(s => s.Covers(ruleId, deviceId, at));
}
