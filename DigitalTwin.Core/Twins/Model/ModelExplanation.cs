using System.Globalization;
using System.Text.Json.Serialization;

namespace DigitalTwin.Core.Twins.Model;

/// <summary>One fitted parameter, its unit and a sentence saying what it means for this room.</summary>
/// <param name="Key">Stable name of the parameter ("tau", "heater-gain", …), for programs and translations.</param>
/// <param name="Meaning">Which sentence <paramref name="Explanation"/> is, for translations ("setpoint-inferred", …).</param>
/// <param name="Facts">The values the sentence names, in order (numbers and durations).</param>
public sealed record ModelParameter(
    string Key,
    string Name,
    double Value,
    string Unit,
    string Explanation,
    [property: JsonIgnore] string Meaning,
    [property: JsonIgnore] IReadOnlyList<object> Facts);

/// <summary>
/// The words the device page and the API use for a fit: what each parameter means, in one sentence each. English here
/// (the API's language); each parameter and sentence carries a key so the page can say it in the reader's language.
/// </summary>
public static class ModelExplanation
{
    private static readonly Dictionary<string, string> Sentences = new()
    {
        ["tau"] = "Left alone, the room closes 63 % of its gap to outdoors in {0}: a larger τ is a better-insulated or heavier room.",
        ["heater-gain"] = "The heater alone warms the room this fast; left on it would hold the room {0:0.0} K above where it would settle without it.",
        ["other-gains"] = "Warmth from everything else (people, sun, neighbours), as degrees above outdoors it keeps the room with the heater off.",
        ["sensor-noise"] = "Read noise of the thermometer: the part of each reading's error that does not carry over to the next.",
        ["process-noise"] = "What the room does that the model does not explain, per {0} step (doors, draughts, the heater switching mid-step).",
        ["setpoint-inferred"] = "Read off the history: midway between where the heater switched on and where it switched off.",
        ["setpoint-assumed"] = "Assumed (the heater did not switch in the window): the recent average temperature.",
        ["hysteresis-inferred"] = "Half the gap between the switch-on and switch-off temperatures, as read off the history.",
        ["hysteresis-assumed"] = "Assumed {0} K: the heater did not switch in the window.",
        ["level"] = "Where the series sits now, averaged over about a day with the daily swing taken out.",
        ["daily-swing"] = "Half the difference between the warmest and coolest hour of the learned daily profile.",
        ["persistence"] = "How much of today's deviation from the profile is still there a step later: near 1, deviations last for hours.",
        ["noise"] = "Typical size of the deviation from level plus profile.",
    };

    public static string Summary(RoomModelFit fit) => fit.Kind switch
    {
        "room-rc" => "A first-order room: it loses heat to outdoors in proportion to the difference, and the heater adds a fixed rate when on; "
            + "fitted by instrumental-variable recursive least squares on the device's own readings.",
        _ => "No outdoor temperature is reported, so the forecast is the level of the last day plus an hour-of-day profile, "
            + "with the current deviation from them fading out.",
    };

    public static IReadOnlyList<ModelParameter> Parameters(RoomModelFit fit)
    {
        var list = new List<ModelParameter>();
        if (fit.Room is { } room)
        {
            list.Add(Parameter("tau", "τ (time constant)", room.TimeConstant.TotalMinutes, "min", "tau", room.TimeConstant));
            if (room.HasHeater)
            {
                list.Add(Parameter("heater-gain", "Heater gain", room.HeaterGain * 3600, "K/h", "heater-gain", room.HeaterLift));
            }
            list.Add(Parameter("other-gains", "Other gains", room.OtherGainsLift, "K", "other-gains"));
            list.Add(Parameter("sensor-noise", "Sensor noise", room.SensorSigma, "K", "sensor-noise"));
            list.Add(Parameter("process-noise", "Process noise", room.ProcessSigma, "K/step", "process-noise", room.Step));
        }
        if (fit.Thermostat is { } thermostat)
        {
            var how = thermostat.Inferred ? "inferred" : "assumed";
            list.Add(Parameter("setpoint", "Thermostat setpoint", thermostat.Setpoint, "°C", $"setpoint-{how}"));
            list.Add(thermostat.Inferred
                ? Parameter("hysteresis", "Hysteresis", thermostat.Band, "K", "hysteresis-inferred")
                : Parameter("hysteresis", "Hysteresis", thermostat.Band, "K", "hysteresis-assumed", Thermostat.AssumedBand));
        }
        if (fit.Profile is { } profile)
        {
            // Temperatures in °C, their differences in K; other metrics in their own unit, which the model does not know.
            var isTemperature = fit.Metric == TwinForecaster.TemperatureMetric;
            list.Add(Parameter("level", "Level", profile.Level, isTemperature ? "°C" : "", "level"));
            list.Add(Parameter("daily-swing", "Daily swing", profile.DailyAmplitude, isTemperature ? "K" : "", "daily-swing"));
            list.Add(Parameter("persistence", "Persistence", profile.Persistence, "per step", "persistence"));
            list.Add(Parameter("noise", "Noise", profile.AnomalySigma, isTemperature ? "K" : "", "noise"));
        }
        return list;
    }

    /// <summary>A sentence of <see cref="Parameters"/> in English with its facts filled in (durations as <see cref="Describe"/>).</summary>
    public static string Sentence(string meaning, IReadOnlyList<object> facts) =>
        string.Format(CultureInfo.InvariantCulture, Sentences[meaning], [.. facts.Select(f => f is TimeSpan span ? Describe(span) : f)]);

    /// <summary>The keys of every sentence, for checking that each has a translation.</summary>
    public static IEnumerable<string> Meanings => Sentences.Keys;

    private static ModelParameter Parameter(string key, string name, double value, string unit, string meaning, params object[] facts) =>
        new(key, name, value, unit, Sentence(meaning, facts), meaning, facts);

    /// <summary>"12 min", "3.2 h", "45 s".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalHours: >= 1.5 } => Invariant($"{span.TotalHours:0.#} h"),
        { TotalMinutes: >= 1.5 } => Invariant($"{span.TotalMinutes:0.#} min"),
        _ => Invariant($"{span.TotalSeconds:0.#} s"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
