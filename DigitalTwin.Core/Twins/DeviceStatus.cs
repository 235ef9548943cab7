namespace DigitalTwin.Core.Twins;

public enum DeviceStatus
{
    Unknown,
    Online,
    Offline,
}
