using System.Globalization;

namespace DigitalTwin.Core.Twins.Model;

/// <summary>One fitted parameter, its unit and a sentence saying what it means for this room.</summary>
public sealed record ModelParameter(string Name, double Value, string Unit, string Explanation);

/// <summary>The words the device page and the API use for a fit: what each parameter means, in one sentence each.</summary>
public static class ModelExplanation
{
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
            var tau = room.TimeConstant;
            list.Add(new("τ (time constant)", tau.TotalMinutes, "min",
                Invariant($"Left alone, the room closes 63 % of its gap to outdoors in {Describe(tau)}: a larger τ is a better-insulated or heavier room.")));
            if (room.HasHeater)
            {
                list.Add(new("Heater gain", room.HeaterGain * 3600, "K/h",
                    Invariant($"The heater alone warms the room this fast; left on it would hold the room {room.HeaterLift:0.0} K above where it would settle without it.")));
            }
            list.Add(new("Other gains", room.OtherGainsLift, "K",
                "Warmth from everything else (people, sun, neighbours), as degrees above outdoors it keeps the room with the heater off."));
            list.Add(new("Sensor noise", room.SensorSigma, "K",
                "Read noise of the thermometer: the part of each reading's error that does not carry over to the next."));
            list.Add(new("Process noise", room.ProcessSigma, "K/step",
                Invariant($"What the room does that the model does not explain, per {Describe(room.Step)} step (doors, draughts, the heater switching mid-step).")));
        }
        if (fit.Thermostat is { } thermostat)
        {
            list.Add(new("Thermostat setpoint", thermostat.Setpoint, "°C", thermostat.Inferred
                ? "Read off the history: midway between where the heater switched on and where it switched off."
                : "Assumed (the heater did not switch in the window): the recent average temperature."));
            list.Add(new("Hysteresis", thermostat.Band, "K", thermostat.Inferred
                ? "Half the gap between the switch-on and switch-off temperatures, as read off the history."
                : Invariant($"Assumed {Thermostat.AssumedBand} K: the heater did not switch in the window.")));
        }
        if (fit.Profile is { } profile)
        {
            list.Add(new("Level", profile.Level, fit.Metric == TwinForecaster.TemperatureMetric ? "°C" : "",
                "Where the series sits now, averaged over about a day with the daily swing taken out."));
            list.Add(new("Daily swing", profile.DailyAmplitude, "±",
                "Half the difference between the warmest and coolest hour of the learned daily profile."));
            list.Add(new("Persistence", profile.Persistence, "per step",
                "How much of today's deviation from the profile is still there a step later: near 1, deviations last for hours."));
            list.Add(new("Noise", profile.AnomalySigma, "",
                "Typical size of the deviation from level plus profile."));
        }
        return list;
    }

    /// <summary>"12 min", "3.2 h", "45 s".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalHours: >= 1.5 } => Invariant($"{span.TotalHours:0.#} h"),
        { TotalMinutes: >= 1.5 } => Invariant($"{span.TotalMinutes:0.#} min"),
        _ => Invariant($"{span.TotalSeconds:0.#} s"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
