namespace DigitalTwin.Core.Twins.Commands;

/// <summary>Where a command stands: sent by the app, delivered (the device's PUBACK), then answered or given up on.</summary>
public enum CommandStatus
{
    Sent,
    Delivered,
    Succeeded,
    Failed,
    TimedOut,
}

/// <summary>
/// One command sent to a device and what became of it: a row of the DeviceCommands table, kept across restarts;
/// deleting the device deletes its commands (cascade). Payload and response are JSON text, at most
/// <see cref="CommandLimits.MaxPayloadBytes"/> and <see cref="CommandLimits.MaxStoredResponseChars"/> long.
/// </summary>
public sealed class DeviceCommand
{
    public long Id { get; set; }

    public required string DeviceId { get; set; }

    public required string Name { get; set; }

    /// <summary>The MQTT 5 correlation data of the request and its answer (32 hex digits).</summary>
    public required string CorrelationId { get; set; }

    public CommandStatus Status { get; set; }

    public required string Payload { get; set; }

    /// <summary>The device's answer, cut to <see cref="CommandLimits.MaxStoredResponseChars"/>; null until it answers.</summary>
    public string? Response { get; set; }

    /// <summary>Who sent it: the user (or system) name the audit names.</summary>
    public required string RequestedBy { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsFinished => Status is CommandStatus.Succeeded or CommandStatus.Failed or CommandStatus.TimedOut;
}
