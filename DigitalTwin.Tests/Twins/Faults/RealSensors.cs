using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;

namespace DigitalTwin.Tests.Twins.Faults;

/// <summary>The real room series of data/sensors (see its SOURCE.md), read once for all tests.</summary>
public static class RealSensors
{
    private static readonly Lazy<IReadOnlyList<SensorSeries>> Motes = new(() => SensorData.ReadIntelLab(Directory));

    /// <summary>The 50 Intel lab motes: temperature every 30 minutes for 5 days.</summary>
    public static IReadOnlyList<SensorSeries> IntelLab => Motes.Value;

    public static string Directory => Path.Combine(SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found"), "sensors");
}
