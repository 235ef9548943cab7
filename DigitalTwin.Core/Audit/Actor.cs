namespace DigitalTwin.Core.Audit;

public enum ActorKind
{
    User,
    Token,
    System,
    Anonymous,
}

/// <summary>Who made a change: a signed-in user, a user's API token, or the app itself; and from which address.</summary>
public sealed record Actor(string Name, ActorKind Kind, string? Address = null, string? UserId = null, string? TokenName = null)
{
    /// <summary>The app's own changes (start-up seeding, the simulator's sample rules, retention).</summary>
    public static Actor System { get; } = new("system", ActorKind.System);

    /// <summary>How the actor reads in the audit trail and in "acknowledged by": "admin", "admin (token ci-script)".</summary>
    public string DisplayName => Kind == ActorKind.Token && TokenName is not null ? $"{Name} (token {TokenName})" : Name;
}
