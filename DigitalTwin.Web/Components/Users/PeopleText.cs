using System.Globalization;
using DigitalTwin.Core.Accounts;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>
/// How the users and account pages word and colour roles, user states and token states, in the reader's language. Role
/// codes stay as they are in the API and in tokens; only their shown names change ("Operator" / "운영자").
/// </summary>
public static class PeopleText
{
    public static string RoleName(this IStringLocalizer l, string role) =>
        l[$"Role.{role}"] is { ResourceNotFound: false } name ? name : role;

    /// <summary>Several roles, each by its shown name: "Viewer, Operator" / "조회자, 운영자".</summary>
    public static string RoleNames(this IStringLocalizer l, IEnumerable<string> roles) => string.Join(", ", roles.Select(l.RoleName));

    /// <summary>What each role adds, as the role pickers explain it.</summary>
    public static string RoleDescription(this IStringLocalizer l, string role) =>
        l[$"Role.{role}.Hint"] is { ResourceNotFound: false } hint ? hint : "";

    public static string StateLabel(this IStringLocalizer l, UserState state) => l[$"UserState.{state}"];

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

    /// <summary>The time, or "never" / "없음".</summary>
    public static string WhenOrNever(this IStringLocalizer l, DateTimeOffset? at) => at is null ? l["Ago.Never"] : When(at);

    public static string TokenState(this IStringLocalizer l, TokenListItem token) =>
        l[token.RevokedAt is not null ? "TokenState.Revoked" : token.Active ? "TokenState.Active" : "TokenState.Expired"];

    public static Color TokenStateColor(TokenListItem token) =>
        token.RevokedAt is not null ? Color.Default : token.Active ? Color.Success : Color.Warning;
}
