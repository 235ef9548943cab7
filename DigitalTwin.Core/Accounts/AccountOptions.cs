namespace DigitalTwin.Core.Accounts;

/// <summary>Settings under <c>Auth</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Auth";

    /// <summary>The first admin's password on an empty database; null prints a random one in the log, to be changed at first sign-in.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>User name of the admin created on an empty database.</summary>
    public string AdminUserName { get; set; } = "admin";

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Minimum password length (no composition rules, as NIST SP 800-63B advises).</summary>
    public int MinPasswordLength { get; set; } = 10;

    /// <summary>How long a browser sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page re-checks that its user still exists, is enabled and has the same roles.</summary>
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromMinutes(1);
}
