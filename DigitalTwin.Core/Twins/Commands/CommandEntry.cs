namespace DigitalTwin.Core.Twins.Commands;

/// <summary>A command as the log shows it; immutable, for the API, the pages and the feed.</summary>
public sealed record CommandEntry(
    long Id,
    string DeviceId,
    string Name,
    CommandStatus Status,
    string Payload,
    string? Response,
    string RequestedBy,
    DateTimeOffset SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? CompletedAt)
{
    internal static CommandEntry From(DeviceCommand row) => new(
        row.Id, row.DeviceId, row.Name, row.Status, row.Payload, row.Response, row.RequestedBy, row.SentAt, row.DeliveredAt, row.CompletedAt);
}
