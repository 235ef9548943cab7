using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Devices;
using DigitalTwin.Web.Mqtt;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DigitalTwin.Web.Twins;

/// <summary>
/// /api/devices/{id}/commands: send a command to a device and wait for its answer (MQTT 5 request/response, see
/// <see cref="CommandDispatcher"/>), and read a device's command log. The body is the command's JSON payload;
/// <c>?timeout=</c> (seconds, default 10, at most 60) bounds the wait and <c>?queue=false</c> refuses (409) a device that is
/// not connected instead of leaving the request with the broker for it.
/// </summary>
public static class CommandApi
{
    public static RouteGroupBuilder MapDeviceCommands(this RouteGroupBuilder group)
    {
        group.MapPost("/{id}/commands/{name}", SendCommand).RequireAuthorization(Policies.Operate)
            .WithSummary("Send a command (the body is its JSON payload) and wait for the device's answer: 200 with it (status succeeded or failed), "
                + "504 when it does not answer within ?timeout= seconds (default 10, at most 60), 409 when it is not connected and ?queue=false.");
        group.MapGet("/{id}/commands", ListCommands)
            .WithSummary("A device's commands, newest first: ?limit= (default 50, at most 200), ?before={command id} for the next page");
        return group;
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> SendCommand(
        string id, string name, string? timeout, string? queue, HttpRequest request, CommandDispatcher commands, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        if (!CommandLimits.IsValidName(name))
        {
            return ApiProblems.Invalid("Invalid command name", "name", $"'{Problems.BindingErrorDescriber.Shorten(name)}' is not a command name ({CommandLimits.NameRule}).");
        }
        if (ParseTimeout(timeout) is not { } wait)
        {
            return ApiProblems.BadQuery($"'timeout' ({timeout}) must be a number of seconds, more than 0 and at most {CommandLimits.MaxTimeout.TotalSeconds:0}.");
        }
        if (!TryParseQueue(queue, out var mayQueue))
        {
            return ApiProblems.BadQuery($"'queue' ({queue}) must be true or false.");
        }
        var body = await ReadPayloadAsync(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var outcome = await commands.SendAsync(new CommandRequest(id, name, body.Payload!, wait, mayQueue), request.HttpContext.Actor(), cancellationToken);
        return outcome.Kind switch
        {
            CommandOutcomeKind.Answered => TypedResults.Ok(CommandResponse.From(outcome.Entry!)),
            CommandOutcomeKind.TimedOut => TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "The device did not answer",
                detail: $"Device '{id}' did not answer command '{name}' within {wait.TotalSeconds:0.#} s. The command log keeps it as timed out.",
                extensions: new Dictionary<string, object?> { ["commandId"] = outcome.Entry?.Id }),
            CommandOutcomeKind.DeviceOffline => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device not connected",
                detail: $"Device '{id}' is not connected and queue=false: the command was not sent."),
            CommandOutcomeKind.NoTransport => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No broker", detail: outcome.Error),
            _ => ApiProblems.UnregisteredDevice(id),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<CommandResponse>>, ProblemHttpResult>> ListCommands(
        string id, int? limit, long? before, Core.Devices.DeviceDirectory directory, CommandLog log, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        if (limit is < 1 or > CommandLog.MaxLimit)
        {
            return ApiProblems.BadQuery($"'limit' ({limit}) must be from 1 to {CommandLog.MaxLimit}.");
        }
        if (!directory.Contains(id))
        {
            return ApiProblems.UnregisteredDevice(id);
        }
        var entries = await log.ListAsync(id, limit ?? CommandLog.DefaultLimit, before, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CommandResponse>>([.. entries.Select(CommandResponse.From)]);
    }

    /// <summary>Absent: the default. Otherwise seconds, more than 0 and at most the maximum.</summary>
    private static TimeSpan? ParseTimeout(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return CommandLimits.DefaultTimeout;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= CommandLimits.MaxTimeout.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static bool TryParseQueue(string? text, out bool queue)
    {
        queue = true;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out queue);
    }

    /// <summary>The body, read raw with the size limit first: JSON, at most <see cref="CommandLimits.MaxPayloadBytes"/>; an empty body is {}.</summary>
    private static async Task<(string? Payload, ProblemHttpResult? Problem)> ReadPayloadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await request.BodyReader.ReadAtLeastAsync(CommandLimits.MaxPayloadBytes + 1, cancellationToken);
        try
        {
            var buffer = read.Buffer;
            if (buffer.Length > CommandLimits.MaxPayloadBytes)
            {
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                    detail: $"The payload is more than {CommandLimits.MaxPayloadBytes:N0} bytes; at most {CommandLimits.MaxPayloadBytes:N0} are allowed."));
            }
            if (buffer.IsEmpty)
            {
                return ("{}", null);
            }
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                    detail: $"Send the payload as application/json, not '{request.ContentType ?? "none"}'."));
            }
            try
            {
                using var document = JsonDocument.Parse(buffer);
                return (JsonSerializer.Serialize(document.RootElement), null);
            }
            catch (JsonException ex)
            {
                return (null, ApiProblems.Invalid("Invalid payload", "body", $"The payload is not valid JSON: {ex.Message}"));
            }
        }
        finally
        {
            request.BodyReader.AdvanceTo(read.Buffer.End);
        }
    }
}
