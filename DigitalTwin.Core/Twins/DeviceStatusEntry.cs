namespace DigitalTwin.Core.Twins;

/// <summary>
/// A device's status as the registry page lists it: status, why and since when, last seen, and the inactivity
/// timeout in force (for "no data for 2 min").
/// </summary>
public sealed record DeviceStatusEntry(
    DeviceStatus Status,
    StatusReason Reason,
    DateTimeOffset? Since,
    DateTimeOffset? LastSeen,
    TimeSpan OfflineAfter)
{
    /// <summary>A device whose twin has not heard from it since the app started.</summary>
    public static readonly DeviceStatusEntry NeverSeen = new(DeviceStatus.Unknown, StatusReason.None, null, null, TimeSpan.Zero);

    /// <summary>"online — connected", "offline — no data for 2 min", "never seen".</summary>
    public string Describe() => StatusText.Describe(Status, Reason, OfflineAfter);
}
