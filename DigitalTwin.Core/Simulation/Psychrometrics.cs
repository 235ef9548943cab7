namespace DigitalTwin.Core.Simulation;

/// <summary>Water vapour in air: saturation vapour pressure and relative humidity.</summary>
public static class Psychrometrics
{
    /// <summary>Saturation vapour pressure over water in hPa.</summary>
    /// <remarks>
    /// Magnus formula with the WMO (2008) coefficients: within 0.1 % of the
    /// exact values from -45 °C to 60 °C, which covers every room and most weather.
    /// </remarks>
    public static double SaturationVapourPressure(double temperature) =>
        6.112 * Math.Exp(17.62 * temperature / (243.12 + temperature));

    /// <summary>Vapour pressure in hPa of air at <paramref name="temperature"/> °C and <paramref name="relativeHumidity"/> %RH.</summary>
    public static double VapourPressure(double temperature, double relativeHumidity) =>
        relativeHumidity / 100.0 * SaturationVapourPressure(temperature);

    /// <summary>Relative humidity in %RH, clamped to 0..100 (any excess would condense).</summary>
    public static double RelativeHumidity(double temperature, double vapourPressure) =>
        Math.Clamp(100.0 * vapourPressure / SaturationVapourPressure(temperature), 0.0, 100.0);
}
