using System.Globalization;
using DigitalTwin.Core.Accounts;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>How the users and account pages word and colour roles, user states and token states.</summary>
public static class PeopleText
{
    /// <summary>What each role adds, as the role pickers explain it.</summary>
    public static string RoleDescription(string role) => role switch
    {
        Roles.Viewer => "See every page and read every API",
        Roles.Operator => "Alerts and alert rules, devices and their secrets",
        Roles.Analyst => "Import power data, run and export forecasts",
        Roles.Admin => "Everything, including users and other people's tokens",
        _ => "",
    };

    public static string StateLabel(UserState state) => state switch
    {
        UserState.Active => "active",
        UserState.MustChangePassword => "must change password",
        UserState.LockedOut => "locked out",
        _ => "disabled",
    };

    public static Color StateColor(UserState state) => state switch
    {
        UserState.Active => Color.Success,
        UserState.MustChangePassword => Color.Info,
        UserState.LockedOut => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>Server-local time, minutes, the way the other admin lists show it; a dash for never.</summary>
    public static string When(DateTimeOffset? at) =>
        at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    public static string TokenState(TokenListItem token) =>
        token.RevokedAt is not null ? "revoked" : token.Active ? "active" : "expired";

    public static Color TokenStateColor(TokenListItem token) =>
        token.RevokedAt is not null ? Color.Default : token.Active ? Color.Success : Color.Warning;
}
