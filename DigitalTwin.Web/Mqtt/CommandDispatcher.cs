using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Twins.Commands;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace DigitalTwin.Web.Mqtt;

public enum CommandOutcomeKind
{
    /// <summary>The device answered: succeeded or failed, as it says.</summary>
    Answered,
    TimedOut,
    /// <summary>Not connected, and the caller asked not to queue.</summary>
    DeviceOffline,
    UnknownDevice,
    /// <summary>No broker to publish through (stopping, or the external one unreachable).</summary>
    NoTransport,
}

public sealed record CommandOutcome(CommandOutcomeKind Kind, CommandEntry? Entry = null, string? Error = null);

/// <summary>A command to send: its JSON payload, how long to wait for the answer, and whether to send it to a device that is not connected.</summary>
public sealed record CommandRequest(string DeviceId, string Name, string Payload, TimeSpan Timeout, bool Queue);

/// <summary>
/// Sends commands to devices and waits for their answers (MQTT 5 request/response): each request goes QoS 1 to
/// devices/{id}/commands/{name} with the response topic devices/{id}/commands/{name}/response, correlation data
/// (32 hex digits, unique per command) and a message expiry of the timeout, so a device that connects later never runs
/// a command nobody waits for. The transport (embedded broker or external client) says how to publish, reports the
/// PUBACK, and hands over the answers; <see cref="CommandLog"/> records every step.
/// </summary>
/// <remarks>
/// An answer counts as failed when its user property "status" says "failed", or, without that property, when its
/// payload is a JSON object whose "status" is "failed"; otherwise it succeeded. Answers that come after the wait ended
/// are dropped: the command stays timed out.
/// </remarks>
public sealed partial class CommandDispatcher(
    CommandLog log, DeviceDirectory directory, DeviceStatusBoard board, TimeProvider time, ILogger<CommandDispatcher> logger)
{
    public const string StatusProperty = "status";
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private Func<MqttApplicationMessage, Task>? _publish;
    private Func<string, bool>? _isConnected;

    /// <param name="publish">The transport's publish.</param>
    /// <param name="isConnected">Whether a device has a connection now; without it, the twin's status says (online or not).</param>
    public void Start(Func<MqttApplicationMessage, Task> publish, Func<string, bool>? isConnected = null) =>
        (_publish, _isConnected) = (publish, isConnected);

    public bool IsConnected(string deviceId) => _isConnected?.Invoke(deviceId) ?? board.Get(deviceId).Status == DeviceStatus.Online;

    public async Task<CommandOutcome> SendAsync(CommandRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (!directory.Contains(request.DeviceId))
        {
            return new CommandOutcome(CommandOutcomeKind.UnknownDevice);
        }
        if (!request.Queue && !IsConnected(request.DeviceId))
        {
            return new CommandOutcome(CommandOutcomeKind.DeviceOffline);
        }
        if (_publish is not { } publish)
        {
            return new CommandOutcome(CommandOutcomeKind.NoTransport, Error: "The MQTT broker is not running.");
        }
        var correlationId = Guid.NewGuid().ToString("N");
        var pending = new Pending(request.DeviceId);
        _pending[correlationId] = pending;
        try
        {
            if (await log.AddAsync(request.DeviceId, request.Name, request.Payload, correlationId, actor, cancellationToken) is not { } sent)
            {
                return new CommandOutcome(CommandOutcomeKind.UnknownDevice);
            }
            try
            {
                await publish(Message(request, correlationId));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(ex, request.DeviceId, request.Name);
                var failed = await log.FinishAsync(correlationId, CommandStatus.Failed, null, CancellationToken.None);
                return new CommandOutcome(CommandOutcomeKind.NoTransport, failed ?? sent, $"Publishing the command failed: {ex.Message}");
            }
            try
            {
                return new CommandOutcome(CommandOutcomeKind.Answered, await pending.Answer.Task.WaitAsync(request.Timeout, time, cancellationToken));
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // The caller gave up (or went away): an answer after this is not waited for.
                var timedOut = await log.FinishAsync(correlationId, CommandStatus.TimedOut, null, CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                return new CommandOutcome(CommandOutcomeKind.TimedOut, timedOut ?? await AnsweredMeanwhileAsync(pending, sent));
            }
        }
        finally
        {
            _pending.TryRemove(correlationId, out _);
        }
    }

    /// <summary>The broker's PUBACK (or the device's) for a request: delivered. Also after the answer (the two can cross),
    /// so not only while the request waits; the log ignores a correlation id it does not know.</summary>
    public void Delivered(ReadOnlySpan<byte> correlationData)
    {
        if (correlationData.Length == 32 && Encoding.ASCII.GetString(correlationData) is var correlationId)
        {
            _ = MarkDeliveredAsync(correlationId);
        }
    }

    /// <summary>An answer published on devices/{id}/commands/{name}/response; ignored unless it matches a command still waiting for that device.</summary>
    public async Task OnResponseAsync(string deviceId, MqttApplicationMessage message)
    {
        var correlationId = message.CorrelationData is { Length: 32 } data ? Encoding.ASCII.GetString(data) : null;
        if (correlationId is null || !_pending.TryGetValue(correlationId, out var pending) || pending.DeviceId != deviceId)
        {
            LogUnmatchedAnswer(deviceId, message.Topic);
            return;
        }
        var text = message.Payload.IsEmpty ? "" : Encoding.UTF8.GetString(message.Payload);
        if (await log.FinishAsync(correlationId, StatusOf(message, text), text) is { } answered)
        {
            pending.Answer.TrySetResult(answered);
        }
    }

    private static MqttApplicationMessage Message(CommandRequest request, string correlationId) => new MqttApplicationMessageBuilder()
        .WithTopic(CommandTopics.Request(request.DeviceId, request.Name))
        .WithPayload(Encoding.UTF8.GetBytes(request.Payload))
        .WithContentType("application/json")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithResponseTopic(CommandTopics.Response(request.DeviceId, request.Name))
        .WithCorrelationData(Encoding.ASCII.GetBytes(correlationId))
        .WithMessageExpiryInterval((uint)Math.Ceiling(request.Timeout.TotalSeconds))
        .Build();

    private static CommandStatus StatusOf(MqttApplicationMessage message, string text)
    {
        if (message.UserProperties?.FirstOrDefault(p => p.Name == StatusProperty) is { } property)
        {
            return property.ReadValueAsString() == "failed" ? CommandStatus.Failed : CommandStatus.Succeeded;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(StatusProperty, out var status)
                && status.ValueKind == JsonValueKind.String && status.GetString() == "failed"
                ? CommandStatus.Failed
                : CommandStatus.Succeeded;
        }
        catch (JsonException)
        {
            return CommandStatus.Succeeded;
        }
    }

    /// <summary>The answer won the race against the timeout: its entry, when it is there by now.</summary>
    private static async Task<CommandEntry> AnsweredMeanwhileAsync(Pending pending, CommandEntry sent) =>
        pending.Answer.Task.IsCompletedSuccessfully ? await pending.Answer.Task : sent;

    private async Task MarkDeliveredAsync(string correlationId)
    {
        try
        {
            await log.MarkDeliveredAsync(correlationId);
        }
        catch (Exception ex)
        {
            LogDeliveredFailed(ex, correlationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing command {Name} to {DeviceId} failed")]
    private partial void LogPublishFailed(Exception exception, string deviceId, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the delivery of command {CorrelationId} failed")]
    private partial void LogDeliveredFailed(Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "An answer from {DeviceId} on {Topic} matches no command waiting for it")]
    private partial void LogUnmatchedAnswer(string deviceId, string topic);

    private sealed class Pending(string deviceId)
    {
        public string DeviceId { get; } = deviceId;

        public TaskCompletionSource<CommandEntry> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
