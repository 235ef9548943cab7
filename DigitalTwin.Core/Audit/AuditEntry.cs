namespace DigitalTwin.Core.Audit;

/// <summary>
/// One recorded change: who, when, from where, what (entity, id, action) and a before/after summary. Written in the
/// same transaction as the change it describes, and never edited by the app.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public ActorKind ActorKind { get; set; }

    public string? UserId { get; set; }

    public string? Address { get; set; }

    /// <summary>A stable verb such as "device.create", "alert.acknowledge", "user.sign-in-failed".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>What changed, in words or as compact JSON of before/after values (secrets never appear here).</summary>
    public string? Summary { get; set; }

    public const int MaxSummaryLength = 4000;

    public static AuditEntry Of(Actor actor, DateTimeOffset at, string action, string entityType, string? entityId, string? summary = null) => new()
    {
        At = at,
        Actor = actor.DisplayName,
        ActorKind = actor.Kind,
        UserId = actor.UserId,
        Address = actor.Address,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Summary = summary is { Length: > MaxSummaryLength } ? summary[..(MaxSummaryLength - 1)] + "…" : summary,
    };
}
