using DigitalTwin.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace DigitalTwin.Web.Accounts;

/// <summary>The authorization policies, one per row of the roles table. Endpoints and pages name these, never roles.</summary>
public static class Policies
{
    /// <summary>See every page and read every API: any of the four roles.</summary>
    public const string Read = "read";

    /// <summary>Acknowledge/clear/silence alerts, edit alert rules, register and edit devices, rotate and revoke secrets.</summary>
    public const string Operate = "operate";

    /// <summary>Import power data, run and export forecasts.</summary>
    public const string Analyze = "analyze";

    /// <summary>Users, roles, other people's tokens, deleting devices, settings, the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>/metrics: a signed-in admin, or the configured scrape token.</summary>
    public const string Metrics = "metrics";

    public static AuthorizationBuilder AddDigitalTwinPolicies(this AuthorizationBuilder builder, Func<HttpContext, bool> isScraper)
    {
        var read = new AuthorizationPolicyBuilder().RequireRole(Roles.All).Build();
        return builder
            .AddPolicy(Read, read)
            .AddPolicy(Operate, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Analyze, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Metrics, p => p.RequireAssertion(c =>
                c.User.IsInRole(Roles.Admin) || c.Resource is HttpContext http && isScraper(http)))
            // Anything not classified needs a role: a new endpoint is closed until someone opens it on purpose.
            .SetFallbackPolicy(read);
    }
}
