namespace DigitalTwin.Core.Devices;

/// <summary>A device known to the app. Registered on its first telemetry for now.</summary>
public sealed class Device
{
    public required string Id { get; set; }

    public string? Name { get; set; }

    public string Kind { get; set; } = "thermometer";

    public DateTimeOffset CreatedAt { get; set; }
}
