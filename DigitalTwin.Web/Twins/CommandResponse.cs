using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Commands;

namespace DigitalTwin.Web.Twins;

/// <summary>A command and what became of it, as POST and GET /api/devices/{id}/commands… return it.</summary>
/// <param name="Status">sent, delivered, succeeded, failed or timedOut.</param>
/// <param name="Payload">What was sent (JSON).</param>
/// <param name="Response">The device's answer: its JSON, or its text when it is not JSON; null until it answers.</param>
public sealed record CommandResponse(
    long Id,
    string DeviceId,
    string Name,
    string Status,
    JsonNode? Payload,
    JsonNode? Response,
    string RequestedBy,
    DateTimeOffset SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? CompletedAt)
{
    public static CommandResponse From(CommandEntry entry) => new(
        entry.Id,
        entry.DeviceId,
        entry.Name,
        StatusText(entry.Status),
        Json(entry.Payload),
        entry.Response is null ? null : Json(entry.Response),
        entry.RequestedBy,
        entry.SentAt,
        entry.DeliveredAt,
        entry.CompletedAt);

    public static string StatusText(CommandStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static JsonNode? Json(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
