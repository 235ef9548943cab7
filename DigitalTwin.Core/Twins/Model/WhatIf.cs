namespace DigitalTwin.Core.Twins.Model;

/// <summary>The answer to "if the setpoint becomes X": whether and when the room gets there, and the heater's work.</summary>
/// <param name="TimeToReach">From now until the room first reaches the setpoint; null if it does not within <see cref="WhatIf.Horizon"/>.</param>
/// <param name="HeaterOnUntilReached">How long the heater runs on the way there (or over the whole horizon if never reached).</param>
/// <param name="DutyAfter">Fraction of the hour after reaching it that the heater runs to hold it.</param>
/// <param name="Ceiling">The warmest the room can get with the heater on for good, outdoors as now, °C.</param>
public sealed record WhatIfAnswer(
    double Setpoint, double Band, bool BandInferred, double Temperature, double Outdoor,
    bool Reachable, TimeSpan? TimeToReach, TimeSpan HeaterOnUntilReached, double? DutyAfter, double Ceiling);

public static class WhatIf
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    /// <summary>Runs the fitted room (no noise) from <paramref name="state"/> under a thermostat at <paramref name="setpoint"/>
    /// with the fitted band, outdoors held at its last reading.</summary>
    public static WhatIfAnswer Run(RoomParameters room, Thermostat current, RoomState state, double setpoint)
    {
        var thermostat = current with { Setpoint = setpoint };
        var steps = (int)Math.Ceiling(Horizon / room.Step);
        var afterSteps = (int)Math.Ceiling(TimeSpan.FromHours(1) / room.Step);
        var warming = state.Temperature < setpoint;
        var (temperature, heaterOn) = (state.Temperature, state.HeaterOn);
        int? reachedAt = null;
        var onUntil = 0;
        var onAfter = 0;
        for (var k = 1; k <= steps && (reachedAt is null || k <= reachedAt + afterSteps); k++)
        {
            heaterOn = thermostat.Decide(heaterOn, temperature);
            temperature = room.Next(temperature, state.Outdoor, heaterOn ? 1 : 0);
            if (reachedAt is null)
            {
                onUntil += heaterOn ? 1 : 0;
                if (warming ? temperature >= setpoint : temperature <= setpoint)
                {
                    reachedAt = k;
                }
            }
            else
            {
                onAfter += heaterOn ? 1 : 0;
            }
        }
        var ceiling = state.Outdoor + room.HeaterLift + room.OtherGainsLift;
        return new WhatIfAnswer(setpoint, thermostat.Band, thermostat.Inferred, state.Temperature, state.Outdoor,
            reachedAt is not null, room.Step * reachedAt, room.Step * onUntil,
            reachedAt is not null ? (double)onAfter / afterSteps : null, ceiling);
    }
}
