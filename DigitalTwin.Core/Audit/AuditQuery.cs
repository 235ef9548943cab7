namespace DigitalTwin.Core.Audit;

/// <summary>
/// A filter on the audit trail. <see cref="User"/> matches the actor's name whether they acted signed in or with a
/// token ("admin" finds "admin" and "admin (token ci)"); <see cref="Action"/> matches a whole action or a family
/// ("device" finds "device.create", "device.delete", …); <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery(
    string? User = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Offset = 0,
    int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}

/// <summary>One page of the audit trail, newest first, and how many entries match in all.</summary>
public sealed record AuditPage(int Total, int Offset, int Limit, IReadOnlyList<AuditEntry> Items);
